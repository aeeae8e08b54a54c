package io.rekindle.segment.order;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Only placed orders count as purchases. */
public enum OrderStatus {
    @JsonProperty("placed")
    PLACED,
    @JsonProperty("cancelled")
    CANCELLED,
    @JsonProperty("refunded")
    REFUNDED;

    public String dbValue() {
        return name().toLowerCase();
    }
}
