package io.rekindle.messaging.webhook;

/** A correctly signed webhook whose body is not what the provider documents; answered 400, nothing stored. */
public class MalformedWebhookException extends RuntimeException {

    private final String field;

    public MalformedWebhookException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
