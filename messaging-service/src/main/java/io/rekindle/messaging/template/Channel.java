package io.rekindle.messaging.template;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Channel {
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("sms")
    SMS,
    @JsonProperty("push")
    PUSH
}
