package io.rekindle.survey.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock every computation reads, so tests can move time instead of waiting for it. With
 * {@code rekindle.clock.adjustable} (on in the dev and test profiles, off in production) it can be moved forward
 * through {@link ClockResource}.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "rekindle.clock.adjustable", defaultValue = "false") boolean adjustable) {
        return adjustable ? new AdjustableClock() : Clock.systemUTC();
    }
}
