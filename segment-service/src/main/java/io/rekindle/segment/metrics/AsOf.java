package io.rekindle.segment.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The moment metrics are computed for: everything before {@code until} counts, and day counts run to {@code day}
 * (UTC). A date means the end of that day, so a backtest "as of 1997-09-30" includes that day's orders.
 */
public record AsOf(LocalDate day, Instant until) {

    public static AsOf now(Clock clock) {
        Instant now = clock.instant();
        return new AsOf(LocalDate.ofInstant(now, ZoneOffset.UTC), now.plusMillis(1));
    }

    public static AsOf endOf(LocalDate day) {
        return new AsOf(day, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public static AsOf of(LocalDate dayOrNull, Clock clock) {
        return dayOrNull == null ? now(clock) : endOf(dayOrNull);
    }

    /** Whole days from the instant's UTC day to this day; null for null. */
    public Integer daysSince(Instant instant) {
        if (instant == null) {
            return null;
        }
        return (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(instant, ZoneOffset.UTC), day);
    }
}
