package io.rekindle.messaging.work;

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
        // A claimed message waits with due_at at its lease's end: in progress. A retry or a deferral is not counted
        // until it comes due.
        Backlog.register(registry, dataSource, clock, "messages",
                "SELECT count(*) FROM message WHERE due_at <= ? OR (claimed AND due_at IS NOT NULL)");
        // A send that failed (the provider away or refusing for now) and waits for its next attempt.
        Backlog.registerRetrying(registry, dataSource, clock, "messages",
                "SELECT count(*) FROM message WHERE attempts > 0 AND due_at > ? AND NOT claimed");
    }
}
