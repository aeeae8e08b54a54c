package io.rekindle.messaging.message;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message, where it stands and how it got there. */
public record MessageView(String id, String channel, String customerId, String recipient, String template,
        String category, Attribution attribution, MessageState state, Instant sendAt, Instant sentAt,
        String providerMessageId, String detail, int attempts, Instant createdAt, List<StateChange> history,
        @Schema(description = "The offer asked for, with the version and code it went out with, or why it did not")
        OfferSent offer) {

    /** The offer of a message: absent when it asked for none. */
    public record OfferSent(String id, Integer version, String code, String withheld) {
    }
}
