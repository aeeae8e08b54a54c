package io.rekindle.segment.metrics;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rekindle.segment.prediction.Potential;

/** What a customer is worth now and may be worth over the next 12 months. */
public record CustomerValue(
        @Schema(description = "Revenue to date (the current value)") BigDecimal current,
        @Schema(description = "Quintile of the current value among buyers at the last full computation, 5 the "
                + "highest; absent without an order or before the first full computation") Integer currentQuintile,
        @Schema(description = "The RFM frequency score (1 to 5), absent without one") Integer frequencyScore,
        @Schema(description = "The RFM monetary score (1 to 5), absent without one") Integer monetaryScore,
        @Schema(description = "The potential value; absent without an order or a fitted BG/NBD and Gamma-Gamma "
                + "model") Potential potential,
        @Schema(description = "Quintile of potential.expectedRevenue among buyers at the last full computation, 5 "
                + "the highest") Integer potentialQuintile) {
}
