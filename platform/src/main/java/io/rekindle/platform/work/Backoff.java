package io.rekindle.platform.work;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt, wait a random time between half and all of
 * min(max, base x 2^(n-1)), so deliveries that failed together do not all retry at the same instant.
 */
public record Backoff(Duration base, Duration max) {

    public Duration after(int failedAttempts, RandomGenerator random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << doublings));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
