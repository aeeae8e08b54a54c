package io.rekindle.segment.metrics;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer's placed orders and their revenue over the last {@code days} days before now: what scenario-service
 * records at entry as the customer's pre-entry behaviour, to narrow its lift intervals (CUPED).
 */
public record RecentSpend(
        @Schema(description = "How many days back from now the figures count") int days,
        @Schema(description = "Placed orders in those days") int orders,
        @Schema(description = "Their revenue, summed across currencies") BigDecimal revenue) {
}
