package io.rekindle.scenario.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How customers enter a scenario. */
public enum TriggerKind {
    /** Entering segment-service's segment. */
    @JsonProperty("segment") SEGMENT,
    /** An API trigger such as cart_updated. */
    @JsonProperty("event") EVENT,
    /** Every member of a segment, at a local time each day. */
    @JsonProperty("schedule") SCHEDULE
}
