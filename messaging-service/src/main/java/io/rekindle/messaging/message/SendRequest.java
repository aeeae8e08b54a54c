package io.rekindle.messaging.message;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        WhenCapped whenCapped,
        // Left out of the stored request when absent, so the fingerprint of a request made before the field existed
        // does not change (its retry is still the same request).
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "true when sending this template to this customer again within "
                + "rekindle.sending.repeat-window is meant; without it, sends past rekindle.sending.repeat-limit "
                + "are refused (suppressed with a 'repeat:' detail)") Boolean repeatIntended,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 128) @Schema(description = "An offer (PUT /v1/offers/{id}) the template shows as vars.offer: "
                + "code, kind, value, validUntil; left out at send time, saying why, when expired, not for the "
                + "channel or its pool of single-use codes is empty") String offer,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "true: the offer goes only if it is a current site offering (re-engagement and "
                + "browse-abandonment journeys never beat the site)") Boolean offerSiteOnly) {
}
