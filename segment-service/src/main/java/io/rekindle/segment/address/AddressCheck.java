package io.rekindle.segment.address;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rekindle.segment.hygiene.HygieneStatus;

/** The answer a sign-up or checkout form shows before it stores an address. */
public record AddressCheck(
        @Schema(description = "The address checked, as given") String email,
        @Schema(description = "accept: store it; suggest: ask whether the suggestion was meant; warn: store it if the "
                + "person confirms; refuse: do not store it") AddressDecision decision,
        HygieneStatus status,
        @Schema(description = "With suggest: the address most likely meant") String suggestion,
        @Schema(description = "Why, in words a form can show") String reason) {
}
