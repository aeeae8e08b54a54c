package io.rekindle.scenario.scenario;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How customers enter: {@code segment} (entering segment-service's segment), {@code event} (an API trigger such as
 * cart_updated, optionally keyed by a property such as cartId), or {@code schedule} (every member of a segment, at a
 * local time each day).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(
        @NotNull TriggerKind type,
        String segment,
        List<String> events,
        String key,
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time such as 09:00") String at) {
}
