package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.time.Instant;

/** An enrollment as the API shows it. */
public record EnrollmentView(String id, String scenarioId, int version, String customerId, String entryKey,
        boolean holdout, String variant, EnrollmentState state, Outcome outcome, String currentStep, Instant dueAt,
        Instant enteredAt, Instant endedAt, Instant convertedAt, BigDecimal revenue) {
}
