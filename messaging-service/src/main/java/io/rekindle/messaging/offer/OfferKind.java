package io.rekindle.messaging.offer;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum OfferKind {
    @JsonProperty("percent")
    PERCENT,
    @JsonProperty("amount")
    AMOUNT,
    @JsonProperty("free_shipping")
    FREE_SHIPPING
}
