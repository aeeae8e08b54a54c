package io.rekindle.scenario.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A difference between two groups with its interval and the test that matches it: the interval excludes zero exactly
 * when {@code pValue} is below the level the interval is for ({@code confidence}).
 */
public record Estimate(
        @Schema(description = "First group minus second") double difference,
        double low,
        double high,
        double pValue,
        @Schema(description = "The interval's confidence, 0.95 unless corrected for several comparisons") double confidence,
        @Schema(description = "How the interval and the test were computed") String method) {

    /** Whether the interval excludes zero (and so the test rejects at 1 - confidence). */
    public boolean conclusive() {
        return low > 0 || high < 0;
    }
}
