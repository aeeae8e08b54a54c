package io.rekindle.messaging.suppression;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.rekindle.messaging.template.Channel;

/** An address to stop messaging on a channel, and why (a scenario's suppress step, an operator). */
public record SuppressionRequest(@NotNull Channel channel, @NotBlank @Size(max = 4_096) String address,
        @NotBlank @Size(max = 200) String reason) {
}
