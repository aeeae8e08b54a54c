package io.rekindle.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.rekindle.platform.time.MovableClock;

/**
 * The clock of every service's tests (this test-jar is a bean archive, and the alternative wins over the
 * platform's clock): the system clock until a test sets a moment, and again after {@link #reset()}.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock implements MovableClock {

    private volatile Instant fixed;
    private final AtomicLong moves = new AtomicLong();

    public void set(Instant instant) {
        fixed = instant;
        moves.incrementAndGet();
    }

    public void set(String instant) {
        set(Instant.parse(instant));
    }

    public void reset() {
        fixed = null;
        moves.incrementAndGet();
    }

    /** What the admin endpoint moves: from now on the clock stands still at the new moment. */
    @Override
    public Instant advance(Duration by) {
        set(instant().plus(by));
        return fixed;
    }

    @Override
    public Duration offset() {
        Instant now = fixed;
        return now == null ? Duration.ZERO : Duration.between(Instant.now(), now);
    }

    @Override
    public long moves() {
        return moves.get();
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
