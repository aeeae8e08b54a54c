package io.rekindle.segment.customer;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rekindle.segment.intake.IdField;

/**
 * What a storefront sends for one customer; an upsert replaces the profile. {@code customerId} is required in a batch
 * and optional with PUT (where it must match the path).
 */
@IdField("customerId")
public record CustomerProfile(
        @Pattern(regexp = CustomerProfile.ID_PATTERN, message = "must be 1-128 letters, digits or ._:@-") String customerId,
        @Size(max = 320)
        @Pattern(regexp = CustomerProfile.PRINTABLE, message = CustomerProfile.NO_CONTROLS) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be an E.164 number such as +33612345678") String phone,
        @Size(max = 4_096) String pushToken,
        @Size(max = 200)
        @Pattern(regexp = CustomerProfile.PRINTABLE, message = CustomerProfile.NO_CONTROLS) String firstName,
        @Size(max = 200)
        @Pattern(regexp = CustomerProfile.PRINTABLE, message = CustomerProfile.NO_CONTROLS) String lastName,
        @Pattern(regexp = "[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*", message = "must be a BCP 47 language tag such as fr-FR") String locale,
        @IanaTimezone String timezone,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
        Instant createdAt,
        @Valid Consents consents,
        Map<String, Object> attributes) {

    public static final String ID_PATTERN = "[A-Za-z0-9._:@-]{1,128}";
    /** Names and addresses end up in mail headers, where a CR or LF would start a header of the sender's choosing. */
    static final String PRINTABLE = "[^\\p{Cntrl}\\u2028\\u2029\\u0085]*";
    static final String NO_CONTROLS = "must not contain control characters (CR, LF, tab...)";

    CustomerProfile withCustomerId(String id) {
        return new CustomerProfile(id, email, phone, pushToken, firstName, lastName, locale, timezone, country,
                createdAt, consents, attributes);
    }
}
