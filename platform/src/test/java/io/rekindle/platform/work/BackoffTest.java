package io.rekindle.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void eachFailureDoublesTheCeilingAndTheWaitIsJitteredInItsUpperHalf() {
        Random random = new Random(1);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = 1000L << (attempt - 1);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long wait = backoff.after(attempt, random).toMillis();
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait);
                seen.add(wait);
            }
            assertTrue(seen.size() > 50, "jittered, not one fixed delay");
        }
    }

    @Test
    void theWaitNeverExceedsTheMaximumEvenAfterManyFailures() {
        Random random = new Random(2);
        for (int attempt : new int[] { 10, 31, 64, Integer.MAX_VALUE }) {
            long wait = backoff.after(attempt, random).toMillis();
            assertTrue(wait >= 150_000 && wait <= 300_000, attempt + ": " + wait);
        }
        assertEquals(Duration.ZERO, new Backoff(Duration.ZERO, Duration.ofMinutes(1)).after(3, random));
    }
}
