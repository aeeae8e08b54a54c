package io.rekindle.messaging.message;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a message stands; stored and shown as its {@link #value()}. */
public enum MessageState {
    QUEUED("queued"), DEFERRED("deferred"), SENT("sent"), DELIVERED("delivered"), OPENED("opened"),
    CLICKED("clicked"), BOUNCED("bounced"), COMPLAINED("complained"), UNSUBSCRIBED("unsubscribed"),
    FAILED("failed"), SUPPRESSED("suppressed");

    /** The states a provider's event moves a message to (its other events move nothing). */
    private static final Set<MessageState> FROM_EVENTS = EnumSet.of(DELIVERED, OPENED, CLICKED, BOUNCED, COMPLAINED,
            UNSUBSCRIBED, FAILED);

    private final String value;

    MessageState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Still to be sent: waiting for its time, a retry or the end of quiet hours. */
    public boolean waiting() {
        return this == QUEUED || this == DEFERRED;
    }

    public static MessageState of(String stored) {
        for (MessageState state : values()) {
            if (state.value.equals(stored)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no message state " + stored);
    }

    /** The state a provider event of this type moves its message to, if any. */
    public static Optional<MessageState> afterEvent(String eventType) {
        return FROM_EVENTS.stream().filter(s -> s.value.equals(eventType)).findFirst();
    }
}
