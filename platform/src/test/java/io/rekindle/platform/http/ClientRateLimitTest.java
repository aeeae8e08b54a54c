package io.rekindle.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aClientPastItsShareWaitsForTheNextWindowWhileOthersGoOn() {
        ClientRateLimit limit = new ClientRateLimit(3, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limit.admit("203.0.113.7", START.plusSeconds(i)));
        }
        assertEquals(Duration.ofSeconds(50), limit.admit("203.0.113.7", START.plusSeconds(10)));
        assertEquals(Duration.ZERO, limit.admit("198.51.100.1", START.plusSeconds(10)));
        assertEquals(Duration.ZERO, limit.admit("203.0.113.7", START.plusSeconds(60)));
    }

    @Test
    void aFloodOfNewClientsIsRefusedOnceTheTableIsFull() {
        ClientRateLimit limit = new ClientRateLimit(5, Duration.ofMinutes(1), 2);
        assertEquals(Duration.ZERO, limit.admit("a", START));
        assertEquals(Duration.ZERO, limit.admit("b", START));
        assertEquals(Duration.ofSeconds(60), limit.admit("c", START));
        assertEquals(Duration.ZERO, limit.admit("a", START.plusSeconds(1)));
        assertEquals(Duration.ZERO, limit.admit("c", START.plusSeconds(61)));
    }

    @Test
    void aLimitOfNothingIsAMistakeAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(0, Duration.ofMinutes(1), 10));
    }
}
