package io.rekindle.segment.metrics;

import java.time.LocalDate;

import io.rekindle.segment.prediction.BgNbdModel;
import io.rekindle.segment.prediction.PurchaseHistory;

/**
 * BG/NBD predictions for one customer. The expected next order date is the last purchase day plus the expected gap
 * at the posterior mean purchase rate after that purchase, (alpha + tx) / (r + x) days: it moves only with a purchase,
 * so "the predicted date has passed" is a condition that time alone makes true on a known day. A figure the model
 * cannot give (a fit on very few customers can be degenerate) is null, and a gap beyond a century means no date.
 */
public record Prediction(Double pAlive, Double expectedOrders30, Double expectedOrders90, Double expectedOrders365,
        LocalDate expectedNextOrderOn, LocalDate modelAsOf) {

    private static final double MAX_GAP_DAYS = 36_500;

    public static Prediction of(BgNbdModel model, PurchaseHistory h, LocalDate lastPurchaseDay, LocalDate modelAsOf) {
        var p = model.parameters();
        double gapDays = (p.alpha() + h.tx()) / (p.r() + h.x());
        LocalDate next = Double.isFinite(gapDays) && gapDays <= MAX_GAP_DAYS
                ? lastPurchaseDay.plusDays(Math.round(gapDays)) : null;
        return new Prediction(finite(model.probabilityAlive(h)), finite(model.expectedPurchases(h, 30)),
                finite(model.expectedPurchases(h, 90)), finite(model.expectedPurchases(h, 365)), next, modelAsOf);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
