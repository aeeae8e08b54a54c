package io.rekindle.segment.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.analytics.StoreAnalytics;

/**
 * Computes a customer's metrics on read from their own orders and events, so a new order shows at once; RFM comes
 * from the last full computation (or is computed over everyone for a past {@code asOf}).
 */
@ApplicationScoped
public class CustomerMetricsService {

    private final OrderQueries queries;
    private final RfmScores rfm;
    private final Valuations valuations;
    private final StoreAnalytics analytics;
    private final Clock clock;
    private final StoreStatsRepository stats;

    CustomerMetricsService(OrderQueries queries, RfmScores rfm, Valuations valuations, StoreAnalytics analytics,
            StoreStatsRepository stats, Clock clock) {
        this.stats = stats;
        this.queries = queries;
        this.rfm = rfm;
        this.valuations = valuations;
        this.analytics = analytics;
        this.clock = clock;
    }

    /** @param day the backtest day, or null for now */
    public CustomerMetrics of(String customerId, LocalDate day) {
        AsOf asOf = AsOf.of(day, clock);
        PurchaseSummary summary = PurchaseSummary.of(queries.purchases(customerId, asOf));
        Instant[] engagement = queries.lastEngagement(customerId, asOf);
        Integer daysSinceLastOrder = asOf.daysSince(summary.lastOrderAt());
        Rhythm rhythm = Rhythm.of(summary, daysSinceLastOrder,
                summary.orderCount() >= 2 ? null : cohortGapDays(asOf, day != null));
        Valuation valuation = valuations.latest();
        Appraisal appraisal = valuation.appraise(summary, asOf.day());
        Rfm scores = rfm.of(customerId, day == null ? null : asOf).orElse(null);
        CustomerValue value = new CustomerValue(summary.revenue(), valuation.currentQuintile(appraisal),
                scores == null ? null : scores.frequency(), scores == null ? null : scores.monetary(),
                appraisal.potential(), valuation.potentialQuintile(appraisal));
        return new CustomerMetrics(asOf.day(), summary.firstOrderAt(), summary.lastOrderAt(), summary.orderCount(),
                summary.revenue(), summary.averageOrderValue(), daysSinceLastOrder, asOf.daysSince(engagement[0]),
                asOf.daysSince(engagement[1]), summary.lastPurchasedCategory(), rhythm, scores,
                appraisal.prediction(), value);
    }

    /** The store's first-to-second order latency: from the last full computation, or computed for a backtest. */
    private Double cohortGapDays(AsOf asOf, boolean backtest) {
        if (backtest) {
            return analytics.purchaseLatency(asOf).firstToSecondDays();
        }
        return stats.latest().map(StoreStats::firstToSecondDays).orElse(null);
    }
}
