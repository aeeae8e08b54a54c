package io.rekindle.messaging.webhook;

import java.time.Instant;

import io.rekindle.messaging.template.Channel;

/**
 * One provider event, normalised. {@code messageId} is ours when the provider echoes it back; otherwise
 * {@code providerMessageId} finds the message. Types: delivered, opened, clicked, bounced (hard or soft), complained,
 * unsubscribed, opted_out, opted_in, failed.
 */
public record ProviderEvent(String provider, String eventId, String messageId, String providerMessageId,
        Channel channel, String type, String bounce, String address, String url, String detail, Instant occurredAt) {

    /** SMTP status class 5 (5xx, 5.x.x) is a hard bounce, anything else a soft one. */
    public static String bounceClass(String status) {
        return status != null && status.trim().startsWith("5") ? "hard" : "soft";
    }
}
