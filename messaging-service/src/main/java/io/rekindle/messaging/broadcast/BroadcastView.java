package io.rekindle.messaging.broadcast;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A broadcast and its report. */
public record BroadcastView(
        String id,
        String name,
        Audience audience,
        BroadcastMessage message,
        @Schema(description = "Customers in the audience, one message each; absent while they are being queued")
        Integer audienceSize,
        Instant createdAt,
        @Schema(description = "When every message was queued") Instant queuedAt,
        @Schema(description = "The broadcast's messages by their state now (queued, deferred, sent, delivered, "
                + "opened, clicked, bounced, complained, unsubscribed, failed, suppressed)")
        Map<String, Long> messages) {
}
