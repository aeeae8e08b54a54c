package io.rekindle.segment.subscriptions;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription and how its deliveries go: the cursor acknowledged so far, failed attempts in a row, when it is
 * tried next and why the last attempt failed. The signing secret is shown once, when the subscription is created.
 */
public record Subscription(String id, String callbackUrl, List<String> segments, String cursor, int attempts,
        Instant nextAttemptAt, String lastError, Instant lastDeliveredAt, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret) {

    Subscription withSigningSecret(String secret) {
        return new Subscription(id, callbackUrl, segments, cursor, attempts, nextAttemptAt, lastError,
                lastDeliveredAt, createdAt, secret);
    }
}
