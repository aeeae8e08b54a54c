package io.rekindle.segment.segments;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a customer in a segment's change feed; stored as its {@link #value()}. */
public enum ChangeKind {
    ENTERED("entered"), EXITED("exited");

    private final String value;

    ChangeKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static ChangeKind of(String stored) {
        for (ChangeKind kind : values()) {
            if (kind.value.equals(stored)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no change kind " + stored);
    }
}
