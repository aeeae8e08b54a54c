package io.rekindle.messaging.webhook;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Amazon SNS HTTP(S) delivery (Notification, SubscriptionConfirmation or UnsubscribeConfirmation) and the exact
 * string SNS signs for it: the named fields in this order, each as name, newline, value, newline.
 */
public record SnsMessage(JsonNode json) {

    private static final List<String> NOTIFICATION = List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn",
            "Type");
    private static final List<String> CONFIRMATION = List.of("Message", "MessageId", "SubscribeURL", "Timestamp",
            "Token", "TopicArn", "Type");

    public String type() {
        return ProviderJson.text(json, "Type");
    }

    public String field(String name) {
        return ProviderJson.text(json, name);
    }

    public String stringToSign() {
        StringBuilder signed = new StringBuilder();
        for (String name : "Notification".equals(type()) ? NOTIFICATION : CONFIRMATION) {
            String value = field(name);
            if (value != null) {
                signed.append(name).append('\n').append(value).append('\n');
            } else if (!name.equals("Subject")) {
                throw new MalformedWebhookException(name, "is required in an SNS " + type());
            }
        }
        return signed.toString();
    }
}
