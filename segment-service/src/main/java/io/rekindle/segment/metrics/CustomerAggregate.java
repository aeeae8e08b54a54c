package io.rekindle.segment.metrics;

import java.math.BigDecimal;
import java.time.Instant;

/** One buyer's counted orders up to a moment: the summary, the second and third orders, and the RFM window. */
public record CustomerAggregate(String customerId, PurchaseSummary summary, Instant secondOrderAt,
        Instant thirdOrderAt, int windowOrders, BigDecimal windowRevenue) {
}
