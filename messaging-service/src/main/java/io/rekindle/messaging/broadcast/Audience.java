package io.rekindle.messaging.broadcast;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who a broadcast goes to: every customer a message of this template, or of this scenario (and step), was handed to
 * from {@code from} (inclusive) to {@code to} (exclusive); at least a template or a scenario.
 */
public record Audience(
        @Size(max = 128) @Schema(description = "The template the audience received") String template,
        @Size(max = 200) @Schema(description = "The scenario of the messages the audience received") String scenario,
        @Size(max = 200) @Schema(description = "Its step (with scenario)") String step,
        @NotNull Instant from,
        @NotNull Instant to) {
}
