package io.rekindle.segment.metrics;

import java.time.LocalDate;

import io.rekindle.segment.prediction.BgNbdModel;
import io.rekindle.segment.prediction.PurchaseHistory;

/**
 * BG/NBD predictions for one customer. The expected next order date is the last purchase day plus the expected gap
 * at the posterior mean purchase rate after that purchase, (alpha + tx) / (r + x) days: it moves only with a purchase,
 * so "the predicted date has passed" is a condition that time alone makes true on a known day.
 */
public record Prediction(double pAlive, double expectedOrders30, double expectedOrders90, double expectedOrders365,
        LocalDate expectedNextOrderOn, LocalDate modelAsOf) {

    public static Prediction of(BgNbdModel model, PurchaseHistory h, LocalDate lastPurchaseDay, LocalDate modelAsOf) {
        var p = model.parameters();
        long gapDays = Math.round((p.alpha() + h.tx()) / (p.r() + h.x()));
        return new Prediction(model.probabilityAlive(h), model.expectedPurchases(h, 30),
                model.expectedPurchases(h, 90), model.expectedPurchases(h, 365), lastPurchaseDay.plusDays(gapDays),
                modelAsOf);
    }
}
