package io.rekindle.platform.time;

import java.time.Duration;
import java.time.Instant;

/** A clock that can be moved forward, so a 30-day journey runs in seconds (tests, the dev profile, the demo). */
public interface MovableClock {

    /** Moves the clock forward; answers the new now. */
    Instant advance(Duration by);

    /** How far ahead of the system clock this clock runs. */
    Duration offset();

    /** How many times the clock has been moved: a reader that saw fewer knows that time jumped since. */
    long moves();
}
