package io.rekindle.messaging.message;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.rekindle.messaging.template.Channel;

/**
 * A message to send. The recipient (email address, E.164 number or push token) may be left out: it is then read from
 * the customer's profile in segment-service at send time (email, phone, pushToken).
 */
public record SendRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 200) String customerId,
        @Size(max = 4_096) String recipient,
        @NotBlank @Size(max = 128) @JsonAlias("templateId") String template,
        @Size(max = 35) String locale,
        Map<String, Object> variables,
        @NotNull Category category,
        @Valid Attribution attribution,
        Instant sendAt,
        WhenCapped whenCapped) {
}
