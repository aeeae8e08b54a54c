package io.rekindle.messaging.message;

import java.time.Instant;
import java.util.List;

/** A message, where it stands and how it got there. */
public record MessageView(String id, String channel, String customerId, String recipient, String template,
        String category, Attribution attribution, MessageState state, Instant sendAt, Instant sentAt,
        String providerMessageId, String detail, int attempts, Instant createdAt, List<StateChange> history) {
}
