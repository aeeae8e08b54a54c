package io.rekindle.segment.value;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The buyers in one current-by-potential cell. */
public record ValueCell(
        @Schema(description = "Current value quintile, 5 the highest") int current,
        @Schema(description = "Potential value quintile, 5 the highest") int potential,
        long customers,
        @Schema(description = "Their revenue to date") BigDecimal revenue,
        @Schema(description = "Their expected revenue over the next 12 months") double predictedRevenue) {
}
