package io.rekindle.segment.customer;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Whether the customer agreed to a channel and when; {@code true} alone is accepted as shorthand. */
public record Consent(boolean granted, Instant at) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Consent {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Consent of(boolean granted) {
        return new Consent(granted, null);
    }

    static final Consent NONE = new Consent(false, null);
}
