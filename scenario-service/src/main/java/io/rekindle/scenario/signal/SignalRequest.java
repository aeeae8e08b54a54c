package io.rekindle.scenario.signal;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Something a customer did that a waiting step may branch on: opened, clicked, delivered, bounced, unsubscribed
 * (messaging-service, which also reports a message it did not send as dropped), survey_answered (survey-service).
 * {@code attribution} names the scenario, step and variant that caused it, when known; {@code signalId} makes a resend
 * harmless.
 */
public record SignalRequest(
        @NotBlank @Size(max = 200) String signalId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9_.:-]{0,63}", message = "must be lower-case letters, digits and _.:- such as opened") String type,
        @NotNull Instant occurredAt,
        Map<String, Object> attribution,
        Map<String, Object> properties) {
}
