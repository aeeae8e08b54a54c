package io.rekindle.messaging.channel;

import io.rekindle.messaging.template.Rendered;

/** A rendered message ready for its provider; the unsubscribe URL is set for marketing only. */
public record Outgoing(String messageId, String recipient, Rendered content, String unsubscribeUrl) {
}
