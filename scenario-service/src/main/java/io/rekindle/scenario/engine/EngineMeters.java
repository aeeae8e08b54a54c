package io.rekindle.scenario.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Timer;

/**
 * What the engine publishes once a round has committed: every enrollment's move in {@code rekindle.journey.transitions}
 * by {@code transition} and {@code outcome} (how an ended journey ended, else {@code none}). A transition is
 * {@code waited} (stays on a wait), {@code moved} (to its next step), {@code ended}, {@code continued} (given back at
 * a pass's step limit, to go on at once), {@code retried} (a peer did not answer: tried again later) or
 * {@code failed} (an unexpected error: tried again, parked after too many); and in {@code rekindle.timer.lateness} how long after its due time each claimed enrollment was taken
 * up, a histogram: a queue drained too slowly shows here before any customer notices.
 */
// Created at start, so every series exists (at zero) before anything happens.
@Startup
@ApplicationScoped
class EngineMeters {

    private final MeterRegistry registry;
    private final Timer lateness;

    EngineMeters(MeterRegistry registry) {
        this.registry = registry;
        this.lateness = Timer.builder("rekindle.timer.lateness")
                .description("How long after its due time a journey's step was taken up").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        for (String transition : List.of("waited", "moved", "continued", "retried", "failed")) {
            counter(transition, "none");
        }
        for (Outcome outcome : Outcome.values()) {
            counter("ended", outcome.value());
        }
    }

    void late(Instant due, Instant takenUp) {
        lateness.record(Duration.between(due, takenUp).isNegative() ? Duration.ZERO : Duration.between(due, takenUp));
    }

    void committed(List<EnrollmentStore.Decision> decisions) {
        for (EnrollmentStore.Decision d : decisions) {
            Transition t = d.transition();
            if (t instanceof Transition.End end) {
                count("ended", end.outcome().value());
            } else if (t instanceof Transition.Stay) {
                count("waited", "none");
            } else if (t != null) {
                count("moved", "none");
            } else if (d.failure() == null) {
                count("continued", "none");
            } else {
                count(d.failure().unexpected() ? "failed" : "retried", "none");
            }
        }
    }

    private void count(String transition, String outcome) {
        counter(transition, outcome).increment();
    }

    private Counter counter(String transition, String outcome) {
        return Counter.builder("rekindle.journey.transitions")
                .description("Journeys' moves from step to step, committed").tag("transition", transition)
                .tag("outcome", outcome).register(registry);
    }
}
