package io.rekindle.messaging.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.messaging.template.Channel;

/**
 * An Amazon SES event (the Message of an SNS notification, as an event publishing or notification JSON) as
 * normalised events, one per recipient. Our message is found by the Message-ID header SES echoes in
 * {@code mail.commonHeaders.messageId}.
 */
public final class SesEvents {

    private SesEvents() {
    }

    public static List<ProviderEvent> parse(JsonNode ses) {
        String kind = ProviderJson.text(ses, "eventType") != null ? ProviderJson.text(ses, "eventType")
                : ProviderJson.text(ses, "notificationType");
        JsonNode mail = ses.path("mail");
        String sesId = ProviderJson.text(mail, "messageId");
        if (kind == null || sesId == null) {
            throw new MalformedWebhookException("Message", "must be an SES event with eventType and mail.messageId");
        }
        String ours = mail.path("commonHeaders").path("messageId").asText(null);
        List<ProviderEvent> events = new ArrayList<>();
        switch (kind) {
            case "Bounce" -> {
                JsonNode bounce = ses.path("bounce");
                // Permanent is a hard bounce; Transient and Undetermined are soft unless the status says 5.x.x.
                boolean permanent = "Permanent".equals(ProviderJson.text(bounce, "bounceType"));
                for (JsonNode r : bounce.path("bouncedRecipients")) {
                    String status = ProviderJson.text(r, "status");
                    events.add(event(sesId, ours, "bounced:" + r.path("emailAddress").asText(), "bounced",
                            permanent ? "hard" : ProviderEvent.bounceClass(status), r.path("emailAddress").asText(null),
                            null, ProviderJson.text(r, "diagnosticCode"), at(bounce, "timestamp")));
                }
            }
            case "Complaint" -> {
                JsonNode complaint = ses.path("complaint");
                for (JsonNode r : complaint.path("complainedRecipients")) {
                    events.add(event(sesId, ours, "complained:" + r.path("emailAddress").asText(), "complained", null,
                            r.path("emailAddress").asText(null), null, ProviderJson.text(complaint,
                                    "complaintFeedbackType"), at(complaint, "timestamp")));
                }
            }
            case "Delivery" -> events.add(event(sesId, ours, "delivered", "delivered", null, first(mail), null, null,
                    at(ses.path("delivery"), "timestamp")));
            case "Open" -> events.add(event(sesId, ours, "opened:" + ProviderJson.text(ses.path("open"), "timestamp"),
                    "opened", null, first(mail), null, null, at(ses.path("open"), "timestamp")));
            case "Click" -> events.add(event(sesId, ours, "clicked:" + ProviderJson.text(ses.path("click"), "timestamp"),
                    "clicked", null, first(mail), ProviderJson.text(ses.path("click"), "link"), null,
                    at(ses.path("click"), "timestamp")));
            case "Subscription" -> events.add(event(sesId, ours, "unsubscribed", "unsubscribed", null, first(mail), null,
                    null, at(ses.path("subscription"), "timestamp")));
            default -> {
                // Send, Reject, Rendering Failure, DeliveryDelay: nothing a recipient did
            }
        }
        return events;
    }

    private static ProviderEvent event(String sesId, String ours, String what, String type, String bounce,
            String address, String url, String detail, Instant at) {
        return new ProviderEvent("ses", sesId + ":" + what, null, ours, Channel.EMAIL, type, bounce, address, url,
                detail, at);
    }

    private static String first(JsonNode mail) {
        JsonNode destination = mail.path("destination");
        return destination.isArray() && !destination.isEmpty() ? destination.get(0).asText(null) : null;
    }

    private static Instant at(JsonNode node, String field) {
        try {
            return Instant.parse(ProviderJson.text(node, field));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MalformedWebhookException(field, "must be an ISO 8601 instant");
        }
    }
}
