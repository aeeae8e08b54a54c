package io.rekindle.segment.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import io.rekindle.segment.config.SegmentConfig;
import io.rekindle.segment.prediction.BgNbdModels;
import io.rekindle.segment.prediction.RevenueForecast;
import io.rekindle.segment.prediction.SpendModels;
import io.rekindle.segment.prediction.StoredModel;
import io.rekindle.segment.prediction.StoredSpendModel;

/**
 * Builds the {@link Valuation} of freshly fitted models, or of the stored ones. Created at start, so a discount rate
 * out of range stops the start instead of the night's recompute.
 */
@Startup
@ApplicationScoped
public class Valuations {

    private final BgNbdModels purchaseModels;
    private final SpendModels spendModels;
    private final StoreStatsRepository stats;
    private final double discountRate;

    Valuations(BgNbdModels purchaseModels, SpendModels spendModels, StoreStatsRepository stats, SegmentConfig config) {
        this.purchaseModels = purchaseModels;
        this.spendModels = spendModels;
        this.stats = stats;
        this.discountRate = config.value().discountRate();
        RevenueForecast.checkDiscountRate(discountRate);
    }

    /** Freshly fitted models, before the cutoffs of the population they are about to value exist. */
    Valuation of(StoredModel purchases, StoredSpendModel spend) {
        return new Valuation(purchases, spend, discountRate, null);
    }

    /** The stored models and the cutoffs of the last full computation. */
    public Valuation latest() {
        return new Valuation(purchaseModels.latest().orElse(null), spendModels.latest().orElse(null), discountRate,
                stats.latest().map(StoreStats::valueCutoffs).orElse(null));
    }
}
