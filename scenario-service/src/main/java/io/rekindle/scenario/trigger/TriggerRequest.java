package io.rekindle.scenario.trigger;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A storefront event that may start scenarios (cart_updated with a cartId, checkout_started...). */
public record TriggerRequest(
        @NotBlank @Size(max = 200) String eventId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9_.:-]{0,63}", message = "must be lower-case letters, digits and _.:- such as cart_updated") String type,
        Instant occurredAt,
        Map<String, Object> properties) {
}
