package io.rekindle.scenario.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum StepType {
    @JsonProperty("send") SEND,
    @JsonProperty("wait") WAIT,
    @JsonProperty("wait_for") WAIT_FOR,
    @JsonProperty("condition") CONDITION,
    @JsonProperty("split") SPLIT,
    @JsonProperty("survey") SURVEY,
    @JsonProperty("set_attribute") SET_ATTRIBUTE,
    @JsonProperty("suppress") SUPPRESS,
    @JsonProperty("erase") ERASE,
    @JsonProperty("exit") EXIT;

    /** Steps that let time pass: a cycle through one of them cannot spin. */
    public boolean waits() {
        return this == WAIT || this == WAIT_FOR;
    }
}
