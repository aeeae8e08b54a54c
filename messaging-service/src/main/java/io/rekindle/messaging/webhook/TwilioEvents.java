package io.rekindle.messaging.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rekindle.messaging.template.Channel;

/**
 * Twilio calls: status callbacks for our messages (delivered, undelivered, failed), and inbound messages whose
 * keyword opts the sender out (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT), back in (START, UNSTOP) or asks HELP.
 */
public final class TwilioEvents {

    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START = Set.of("START", "UNSTOP");
    static final Set<String> HELP = Set.of("HELP", "INFO");

    private TwilioEvents() {
    }

    /** The keyword of an inbound message, upper-case, or null. */
    public static String keyword(Map<String, List<String>> form) {
        String body = first(form, "Body");
        return body == null ? null : body.trim().toUpperCase(Locale.ROOT);
    }

    /** The normalised event, or null when the call reports nothing we track. */
    public static ProviderEvent parse(Map<String, List<String>> form, Instant receivedAt) {
        String sid = first(form, "MessageSid");
        if (sid == null) {
            throw new MalformedWebhookException("MessageSid", "is required");
        }
        String status = first(form, "MessageStatus");
        if (status == null || "received".equals(status)) {
            String keyword = keyword(form);
            String from = first(form, "From");
            if (from == null) {
                throw new MalformedWebhookException("From", "is required on an inbound message");
            }
            String type = STOP.contains(keyword) ? "opted_out" : START.contains(keyword) ? "opted_in" : null;
            return type == null ? null
                    : new ProviderEvent("twilio", sid, null, null, Channel.SMS, type, null, from, null, keyword,
                            receivedAt);
        }
        String type = switch (status) {
            case "delivered" -> "delivered";
            case "undelivered", "failed" -> "failed";
            default -> null;
        };
        if (type == null) {
            return null;
        }
        String error = first(form, "ErrorCode");
        return new ProviderEvent("twilio", sid + ":" + status, null, sid, Channel.SMS, type, null, first(form, "To"),
                null, error == null ? null : "Twilio error " + error, receivedAt);
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
