package io.rekindle.segment.metrics;

import java.time.LocalDate;
import java.util.Optional;

import io.rekindle.segment.prediction.BgNbdModel;
import io.rekindle.segment.prediction.Potential;
import io.rekindle.segment.prediction.PurchaseHistory;
import io.rekindle.segment.prediction.RevenueForecast;
import io.rekindle.segment.prediction.StoredModel;
import io.rekindle.segment.prediction.StoredSpendModel;

/**
 * The store's models as one customer's figures need them: BG/NBD for the predictions, with Gamma-Gamma for the
 * potential value, and the cutoffs that place both values in quintiles. Each part may be missing (no fit yet, no full
 * computation yet); the figures that need it are then null.
 */
public final class Valuation {

    private final StoredModel purchases;
    private final BgNbdModel purchaseModel;
    private final RevenueForecast forecast;
    private final ValueCutoffs cutoffs;

    Valuation(StoredModel purchases, StoredSpendModel spend, double discountRate, ValueCutoffs cutoffs) {
        this.purchases = purchases;
        this.purchaseModel = purchases == null ? null : purchases.model();
        this.forecast = purchases == null || spend == null ? null
                : new RevenueForecast(purchaseModel, spend.parameters(), discountRate);
        this.cutoffs = cutoffs;
    }

    private Valuation(Valuation models, ValueCutoffs cutoffs) {
        this.purchases = models.purchases;
        this.purchaseModel = models.purchaseModel;
        this.forecast = models.forecast;
        this.cutoffs = cutoffs;
    }

    /** The same models placing values against other cutoffs. */
    Valuation placing(ValueCutoffs other) {
        return new Valuation(this, other);
    }

    Appraisal appraise(PurchaseSummary summary, LocalDate day) {
        Optional<PurchaseHistory> history = purchaseModel == null ? Optional.empty() : summary.history(day);
        if (history.isEmpty()) {
            return new Appraisal(summary, null, null);
        }
        Prediction prediction = Prediction.of(purchaseModel, history.get(), summary.lastPurchaseDay(),
                purchases.asOf());
        Potential potential = forecast == null ? null
                : forecast.of(history.get(), summary.spend(), prediction.expectedOrders365() == null ? Double.NaN
                        : prediction.expectedOrders365()).orElse(null);
        return new Appraisal(summary, prediction, potential);
    }

    Integer currentQuintile(Appraisal a) {
        return cutoffs == null ? null : cutoffs.currentQuintile(a);
    }

    Integer potentialQuintile(Appraisal a) {
        return cutoffs == null ? null : cutoffs.potentialQuintile(a);
    }
}
