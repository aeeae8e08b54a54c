package io.rekindle.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that only grows: time keeps passing, and can be skipped ahead. Or, started at a
 * given instant, a clock that stands still until moved: every run then sees the same instants (the demo's replays).
 */
public final class AdjustableClock extends Clock implements MovableClock {

    private final Instant stoppedAt;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicLong moves = new AtomicLong();

    /** Runs with the system clock. */
    public AdjustableClock() {
        this(null);
    }

    private AdjustableClock(Instant stoppedAt) {
        this.stoppedAt = stoppedAt;
    }

    /** Stands at {@code at} and moves only when advanced. */
    public static AdjustableClock stoppedAt(Instant at) {
        return new AdjustableClock(at);
    }

    @Override
    public Instant advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        moves.incrementAndGet();
        return instant();
    }

    @Override
    public long moves() {
        return moves.get();
    }

    @Override
    public Duration offset() {
        return stoppedAt == null ? offset.get() : Duration.between(Instant.now(), instant());
    }

    @Override
    public Instant instant() {
        return (stoppedAt == null ? Instant.now() : stoppedAt).plus(offset.get());
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
