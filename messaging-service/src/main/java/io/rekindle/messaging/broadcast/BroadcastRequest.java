package io.rekindle.messaging.broadcast;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A one-off message to an explicit audience, for example an apology to everyone who received a faulty mail. */
public record BroadcastRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Audience audience,
        @NotNull @Valid BroadcastMessage message) {
}
