package io.rekindle.segment.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.platform.http.Problem;
import io.rekindle.segment.config.SegmentConfig;

/** Refuses timestamps further in the future than clock skew explains. */
@ApplicationScoped
public class FutureDates {

    private final Clock clock;
    private final Duration tolerance;

    FutureDates(Clock clock, SegmentConfig config) {
        this.clock = clock;
        this.tolerance = config.intake().futureTolerance();
    }

    public List<Problem.FieldError> check(String field, Instant value) {
        if (value != null && value.isAfter(clock.instant().plus(tolerance))) {
            return List.of(new Problem.FieldError(field, "is in the future (more than " + tolerance.toMinutes()
                    + " minutes ahead of the server clock)"));
        }
        return List.of();
    }
}
