package io.rekindle.survey.invitation;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An invitation to ask; without {@code expiresAt} the link lives for the configured default. */
public record InvitationRequest(
        @NotBlank @Size(max = 128) String customerId,
        @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", message = "must be a language tag such as fr or fr-CA") String locale,
        @Valid Attribution attribution,
        Instant expiresAt) {
}
