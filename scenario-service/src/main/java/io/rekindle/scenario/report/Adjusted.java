package io.rekindle.scenario.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Treatment against holdout adjusted for what each customer did before entry ({@link Cuped}): conversion by their
 * orders, revenue per customer by their revenue, both over the {@code preEntryDays} before entry. Same lift as the
 * plain figures on average, a narrower interval the more the past predicts the window.
 */
public record Adjusted(
        @Schema(description = "Days before entry the pre-entry orders and revenue cover") int preEntryDays,
        @Schema(description = "Conversion difference adjusted by pre-entry orders") CupedEstimate conversion,
        @Schema(description = "Revenue per customer difference adjusted by pre-entry revenue")
        CupedEstimate revenuePerCustomer,
        @Schema(description = "Measured customers who entered before pre-entry figures were recorded (counted as 0)")
        long withoutPreEntry) {

    static Adjusted of(int preEntryDays, CupedFigures figures, long seed) {
        return new Adjusted(preEntryDays,
                Cuped.of(figures.conversionTreatment(), figures.conversionHoldout(), 0.95, seed),
                Cuped.of(figures.revenueTreatment(), figures.revenueHoldout(), 0.95, seed),
                figures.withoutPreEntry());
    }
}
