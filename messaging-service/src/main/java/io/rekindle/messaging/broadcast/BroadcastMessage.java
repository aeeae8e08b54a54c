package io.rekindle.messaging.broadcast;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.rekindle.messaging.message.Category;
import io.rekindle.messaging.message.WhenCapped;
import io.rekindle.messaging.template.Channel;

/** The one message each customer of the audience gets, to the address on their profile. */
public record BroadcastMessage(
        @NotNull Channel channel,
        @NotBlank @Size(max = 128) String template,
        @Size(max = 35) String locale,
        Map<String, Object> variables,
        @NotNull Category category,
        WhenCapped whenCapped) {
}
