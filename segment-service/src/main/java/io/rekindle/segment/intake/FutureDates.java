package io.rekindle.segment.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.rekindle.platform.http.Problem;

/** Refuses timestamps further in the future than clock skew explains. */
@ApplicationScoped
public class FutureDates {

    private final Clock clock;
    private final Duration tolerance;

    FutureDates(Clock clock, @ConfigProperty(name = "rekindle.intake.future-tolerance", defaultValue = "PT5M") Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    public List<Problem.FieldError> check(String field, Instant value) {
        if (value != null && value.isAfter(clock.instant().plus(tolerance))) {
            return List.of(new Problem.FieldError(field, "is in the future (more than " + tolerance.toMinutes()
                    + " minutes ahead of the server clock)"));
        }
        return List.of();
    }
}
