package io.rekindle.messaging.privacy;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One customer segment-service has erased, and when; with the salted hashes of their addresses by channel (email, sms,
 * push: SHA-256 of the shared erasure salt, "|" and the address, email lower-cased, in hex), so suppressions made by
 * address alone are forgotten too.
 */
public record ErasureRequest(@NotBlank @Size(max = 128) String customerId, Instant erasedAt,
        @Size(max = 3) Map<@Pattern(regexp = "email|sms|push", message = "must be email, sms or push") String,
                @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hex") String> addressHashes) {
}
