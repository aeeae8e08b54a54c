package io.rekindle.scenario.report;

import java.time.Duration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How long after entry each customer's purchases count, the same for both groups. A scenario that erases its treatment
 * customers can no longer see what they buy afterwards, while the holdout is never erased: measured over the full
 * attribution window, the lift would be biased against the scenario. So the window ends, for both groups, at the
 * earliest moment after entry the scenario erased one of its customers (its erase step), when that comes before the
 * attribution window's end. {@code leftEarly*} count the customers whose measurement still ended early: erased at the
 * shop's request within the window (their later purchases unseen).
 */
public record Measurement(
        @Schema(description = "Days after entry over which purchases count") double windowDays,
        @Schema(description = "Why the window is shorter than the attribution window, when it is") String cappedBy,
        @Schema(description = "Treatment customers erased within the window") long leftEarlyTreatment,
        @Schema(description = "Holdout customers erased within the window") long leftEarlyHoldout) {

    Measurement(Duration window, String cappedBy, long leftEarlyTreatment, long leftEarlyHoldout) {
        this(window.toSeconds() / 86_400.0, cappedBy, leftEarlyTreatment, leftEarlyHoldout);
    }

    /** The attribution window, or the scenario's first erasure after entry when that comes sooner. */
    static Duration window(Duration attribution, Duration firstErasure) {
        return firstErasure != null && firstErasure.compareTo(attribution) < 0 ? firstErasure : attribution;
    }
}
