package io.rekindle.messaging.message;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Marketing needs the channel's consent and counts against the frequency cap; transactional does neither. */
public enum Category {
    @JsonProperty("marketing")
    MARKETING,
    @JsonProperty("transactional")
    TRANSACTIONAL
}
