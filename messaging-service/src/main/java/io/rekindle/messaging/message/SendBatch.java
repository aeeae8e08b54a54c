package io.rekindle.messaging.message;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Messages to queue in one call, each under its own idempotency key (a scenario's sends for a round of steps). */
public record SendBatch(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid Item> items) {

    public record Item(@NotBlank @Size(max = 255) String idempotencyKey, @NotNull @Valid SendRequest message) {
    }

    /** What each item became, in the order sent: its message and whether the key had queued it before. */
    public record Accepted(List<AcceptedItem> items) {
    }

    public record AcceptedItem(String idempotencyKey, String id, boolean replayed) {
    }
}
