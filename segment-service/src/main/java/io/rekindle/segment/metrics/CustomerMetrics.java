package io.rekindle.segment.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Everything computed about one customer as of a day. */
public record CustomerMetrics(
        LocalDate asOf,
        Instant firstOrderAt,
        Instant lastOrderAt,
        int orderCount,
        BigDecimal revenue,
        BigDecimal averageOrderValue,
        Integer daysSinceLastOrder,
        Integer daysSinceLastEngagement,
        Integer daysSinceLastEmailOpen,
        String lastPurchasedCategory,
        Rhythm rhythm,
        Rfm rfm,
        Prediction prediction,
        CustomerValue value) {
}
