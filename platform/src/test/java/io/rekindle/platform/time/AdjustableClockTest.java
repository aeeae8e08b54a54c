package io.rekindle.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    @Test
    void aStartedClockStandsStillUntilMoved() throws InterruptedException {
        AdjustableClock clock = AdjustableClock.stoppedAt(Instant.parse("2030-01-01T12:00:00Z"));
        Thread.sleep(5);
        assertEquals(Instant.parse("2030-01-01T12:00:00Z"), clock.instant());
        assertEquals(Instant.parse("2030-01-02T12:00:00Z"), clock.advance(Duration.ofDays(1)));
        assertEquals(Instant.parse("2030-01-02T12:00:00Z"), clock.instant());
    }

    @Test
    void otherwiseItRunsWithTheSystemClockAhead() throws InterruptedException {
        AdjustableClock clock = new AdjustableClock();
        Instant moved = clock.advance(Duration.ofDays(1));
        assertTrue(Duration.between(Instant.now(), moved).compareTo(Duration.ofHours(23)) > 0);
        Thread.sleep(5);
        assertTrue(clock.instant().isAfter(moved), "time keeps passing");
    }

    @Test
    void itCountsItsMovesNotThePassingOfTime() throws InterruptedException {
        AdjustableClock clock = new AdjustableClock();
        Thread.sleep(2);
        assertEquals(0, clock.moves());
        clock.advance(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));
        assertEquals(2, clock.moves());
    }
}
