package io.rekindle.scenario.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A difference adjusted by the customers' pre-entry behaviour ({@link Cuped}), with what the adjustment achieved. */
public record CupedEstimate(
        Estimate estimate,
        @Schema(description = "How much of the pre-entry figure's deviation from its mean is taken off the outcome")
        double theta,
        @Schema(description = "Correlation of the pre-entry figure with the outcome, both groups together")
        double correlation,
        @Schema(description = "Share of the difference's variance the adjustment removed (0.3 = 30% less)")
        double varianceReduction) {
}
