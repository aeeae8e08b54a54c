package io.rekindle.messaging.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.messaging.template.Channel;

/** A Postmark webhook (one record per call, kind in RecordType) as a normalised event, or null when not tracked. */
public final class PostmarkEvents {

    private PostmarkEvents() {
    }

    public static ProviderEvent parse(JsonNode body) {
        String kind = ProviderJson.text(body, "RecordType");
        String messageId = ProviderJson.text(body, "MessageID");
        if (kind == null || messageId == null) {
            throw new MalformedWebhookException("RecordType", "RecordType and MessageID are required");
        }
        String type;
        String bounce = null;
        String at;
        switch (kind) {
            case "Delivery" -> {
                type = "delivered";
                at = "DeliveredAt";
            }
            case "Open" -> {
                type = "opened";
                at = "ReceivedAt";
            }
            case "Click" -> {
                type = "clicked";
                at = "ReceivedAt";
            }
            case "Bounce" -> {
                type = "bounced";
                // Postmark's hard kinds; transient ones (SoftBounce, Transient, DnsError...) are soft.
                String t = ProviderJson.text(body, "Type");
                bounce = "HardBounce".equals(t) || "BadEmailAddress".equals(t) || "ManuallyDeactivated".equals(t)
                        ? "hard" : "soft";
                at = "BouncedAt";
            }
            case "SpamComplaint" -> {
                type = "complained";
                at = "BouncedAt";
            }
            case "SubscriptionChange" -> {
                if (!body.path("SuppressSending").asBoolean(false)) {
                    return null;
                }
                type = "unsubscribed";
                at = "ChangedAt";
            }
            default -> {
                return null;
            }
        }
        String address = ProviderJson.text(body, "Recipient") != null ? ProviderJson.text(body, "Recipient")
                : ProviderJson.text(body, "Email");
        String id = ProviderJson.text(body, "ID") != null ? ProviderJson.text(body, "ID") : kind + ":" + messageId
                + ":" + ProviderJson.text(body, at);
        Instant occurred;
        try {
            occurred = Instant.parse(ProviderJson.text(body, at));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MalformedWebhookException(at, "must be an ISO 8601 instant");
        }
        return new ProviderEvent("postmark", id, body.path("Metadata").path("rekindle_message_id").asText(null),
                "<" + messageId + ">", Channel.EMAIL, type, bounce, address,
                body.path("OriginalLink").asText(null), ProviderJson.text(body, "Description"), occurred);
    }
}
