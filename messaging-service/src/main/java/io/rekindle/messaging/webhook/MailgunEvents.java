package io.rekindle.messaging.webhook;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.messaging.template.Channel;

/** A Mailgun webhook (one event per call, under event-data) as a normalised event, or null for kinds not tracked. */
public final class MailgunEvents {

    private MailgunEvents() {
    }

    public static ProviderEvent parse(JsonNode body) {
        JsonNode data = body == null ? null : body.get("event-data");
        if (data == null || !data.isObject()) {
            throw new MalformedWebhookException("event-data", "is required");
        }
        String id = ProviderJson.text(data, "id");
        String kind = ProviderJson.text(data, "event");
        if (id == null || kind == null || !data.path("timestamp").isNumber()) {
            throw new MalformedWebhookException("event-data", "needs id, event and timestamp");
        }
        String code = data.path("delivery-status").path("code").asText(null);
        String type;
        String bounce = null;
        switch (kind) {
            case "delivered" -> type = "delivered";
            case "opened" -> type = "opened";
            case "clicked" -> type = "clicked";
            case "failed" -> {
                type = "bounced";
                bounce = "permanent".equals(ProviderJson.text(data, "severity")) ? "hard" : "soft";
            }
            case "complained" -> type = "complained";
            case "unsubscribed" -> type = "unsubscribed";
            default -> type = null;
        }
        if (type == null) {
            return null;
        }
        String messageId = data.path("message").path("headers").path("message-id").asText(null);
        long millis = (long) (data.get("timestamp").asDouble() * 1000);
        return new ProviderEvent("mailgun", id, data.path("user-variables").path("rekindle_message_id").asText(null),
                messageId == null ? null : "<" + messageId + ">", Channel.EMAIL, type, bounce,
                ProviderJson.text(data, "recipient"), ProviderJson.text(data, "url"),
                code == null ? ProviderJson.text(data, "reason") : "SMTP " + code, Instant.ofEpochMilli(millis));
    }
}
