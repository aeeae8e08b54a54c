package io.rekindle.scenario.report;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A scenario's report. Groups count only enrollments whose attribution window has closed (or that converted), so a
 * group is never flattered by customers who have not had their full chance yet; {@code pending} says how many wait,
 * ({@code pendingTreatment} and {@code pendingHoldout} per group, so a young scenario's figures are not read as final),
 * {@code active} how many journeys are still running, {@code parked} how many the engine stopped after repeated
 * unexpected failures (see the service's log for why; they are in neither group). {@code variants} compares each A/B
 * variant with the holdout and with each other when the scenario has at least two.
 */
public record ScenarioReport(String scenarioId, Instant asOf, int attributionDays, Measurement measurement,
        long entered, long active,
        long parked, long pending,
        @Schema(description = "Treatment customers still inside their attribution window, not measured yet")
        long pendingTreatment,
        @Schema(description = "Holdout customers still inside their attribution window, not measured yet")
        long pendingHoldout,
        GroupFigures treatment, GroupFigures holdout, Lift lift, List<VariantComparison> variants, Margin margin,
        List<StepFigures> steps) {
}
