package io.rekindle.platform.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.rekindle.platform.config.PlatformConfig;

/**
 * The one clock every computation reads, so tests can move time instead of waiting for it. With
 * {@code rekindle.clock.adjustable} (on in the dev and test profiles, off in production) it can be moved forward
 * through {@link ClockResource}; with {@code rekindle.clock.start} as well, it stands at that instant and moves only when
 * moved, so a demo's run can be replayed to the same report.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(PlatformConfig config) {
        if (!config.clock().adjustable()) {
            return Clock.systemUTC();
        }
        return config.clock().start().map(AdjustableClock::stoppedAt).orElseGet(AdjustableClock::new);
    }
}
