package io.rekindle.segment.hygiene;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How mailable an address is; when several apply: invalid, then typo, disposable, role. */
public enum HygieneStatus {
    @JsonProperty("missing")
    MISSING,
    @JsonProperty("invalid")
    INVALID,
    @JsonProperty("disposable")
    DISPOSABLE,
    @JsonProperty("typo")
    TYPO,
    @JsonProperty("role")
    ROLE,
    @JsonProperty("valid")
    VALID;

    public String jsonName() {
        return name().toLowerCase();
    }
}
