package io.rekindle.messaging.message;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What to do with a marketing message the frequency cap holds back: send it at the next allowed time, or drop it. */
public enum WhenCapped {
    @JsonProperty("defer")
    DEFER,
    @JsonProperty("drop")
    DROP
}
