package io.rekindle.scenario.work;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import io.rekindle.platform.work.Backlog;

/** The durable queues this service drains, published as rekindle_backlog gauges. */
@ApplicationScoped
class Queues {

    void register(@Observes StartupEvent event, MeterRegistry registry, DataSource dataSource, Clock clock) {
        Backlog.register(registry, dataSource, clock, "enrollments",
                "SELECT count(*) FROM enrollment WHERE state = 'active' AND (due_at <= ? OR leased_until > ?)");
        // A journey whose last pass failed (a peer away) and waits for the next.
        Backlog.registerRetrying(registry, dataSource, clock, "enrollments", "SELECT count(*) FROM enrollment "
                + "WHERE state = 'active' AND attempts > 0 AND due_at > ? AND (leased_until IS NULL OR leased_until <= ?)");
        Backlog.register(registry, dataSource, clock, "measurements",
                "SELECT count(*) FROM enrollment WHERE converted_at IS NULL AND measure_at <= ?");
    }
}
