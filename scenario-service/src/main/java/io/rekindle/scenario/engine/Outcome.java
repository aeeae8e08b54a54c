package io.rekindle.scenario.engine;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an enrollment ended; stored as its {@link #value()}. */
public enum Outcome {
    /** Reached the end of its steps, or an exit step. */
    FINISHED("finished"),
    /** Ordered again: converted, measured against the holdout. */
    WON_BACK("won_back"),
    UNSUBSCRIBED("unsubscribed"),
    /** Fell below the scenario's RFM floor. */
    RFM_FLOOR("rfm_floor"),
    /** Met the scenario's exit condition. */
    CONDITION("condition"),
    /** A journey this one must not overlap with (entry.notWhileIn) runs for the customer. */
    OTHER_JOURNEY("other_journey"),
    /** The customer is no longer known to segment-service. */
    GONE("gone"),
    ERASED("erased"),
    /** Stopped after too many unexpected failures in a row, for an operator to look at. */
    PARKED("parked");

    private final String value;

    Outcome(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Outcome of(String stored) {
        for (Outcome outcome : values()) {
            if (outcome.value.equals(stored)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("no outcome " + stored);
    }

    /**
     * What the journal records for an enrollment ending so, if anything: finishing records nothing, and a win-back
     * always carries its conversion, journaled as such.
     */
    JournalKind journaled() {
        return this == FINISHED || this == WON_BACK ? null : JournalKind.ended(this);
    }
}
