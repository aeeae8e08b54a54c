package io.rekindle.segment.address;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a form should do with an address. */
public enum AddressDecision {
    @JsonProperty("accept")
    ACCEPT,
    @JsonProperty("suggest")
    SUGGEST,
    @JsonProperty("warn")
    WARN,
    @JsonProperty("refuse")
    REFUSE
}
