package io.rekindle.segment.work;

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
        // The re-evaluation queue's gauge is registered by Reevaluations, which counts it for /v1/segments/backlog too.
        // A claimed row waits with due_at at its lease's end: in progress. A failed delivery counts again once due.
        Backlog.register(registry, dataSource, clock, "outbox", "SELECT count(*) FROM outbox WHERE due_at <= ? OR claimed");
    }
}
