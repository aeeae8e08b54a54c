package io.rekindle.scenario.engine;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An enrollment is active (moving or waiting) until it ends with an {@link Outcome}; stored in lower case. */
public enum EnrollmentState {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("ended") ENDED
}
