package io.rekindle.messaging.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.messaging.template.Channel;

/** SendGrid Event Webhook batches (a JSON array of events) as normalised events; unknown kinds are left out. */
public final class SendgridEvents {

    private SendgridEvents() {
    }

    public static List<ProviderEvent> parse(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new MalformedWebhookException("", "must be a JSON array of events");
        }
        List<ProviderEvent> events = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode e = body.get(i);
            String at = "/" + i;
            String id = ProviderJson.text(e, "sg_event_id");
            String kind = ProviderJson.text(e, "event");
            if (id == null || kind == null || !e.path("timestamp").canConvertToLong()) {
                throw new MalformedWebhookException(at, "needs sg_event_id, event and timestamp");
            }
            String status = ProviderJson.text(e, "status");
            String type;
            String bounce = null;
            switch (kind) {
                case "delivered" -> type = "delivered";
                case "open" -> type = "opened";
                case "click" -> type = "clicked";
                case "bounce" -> {
                    type = "bounced";
                    bounce = "blocked".equals(ProviderJson.text(e, "type")) ? "soft"
                            : ProviderEvent.bounceClass(status);
                }
                case "dropped" -> type = "failed";
                case "spamreport" -> type = "complained";
                case "unsubscribe", "group_unsubscribe" -> type = "unsubscribed";
                default -> type = null;
            }
            if (type == null) {
                continue;
            }
            String reason = ProviderJson.text(e, "reason");
            events.add(new ProviderEvent("sendgrid", id, ProviderJson.text(e, "rekindle_message_id"),
                    ProviderJson.text(e, "smtp-id"), Channel.EMAIL, type, bounce, ProviderJson.text(e, "email"), ProviderJson.text(e, "url"),
                    status == null ? reason : status + (reason == null ? "" : " " + reason),
                    Instant.ofEpochSecond(e.get("timestamp").asLong())));
        }
        return events;
    }
}
