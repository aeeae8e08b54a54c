package io.rekindle.messaging.work;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/** The durable queues this service drains, published as rekindle_backlog gauges. */
@ApplicationScoped
class Queues {

    void register(@Observes StartupEvent event, MeterRegistry registry, DataSource dataSource, Clock clock,
            @ConfigProperty(name = "rekindle.sending.lease") Duration lease) {
        // A claimed message stays queued with due_at at its lease's end: queued and due within a lease is in progress
        // (a message asked for that near in the future counts too).
        Backlog.register(registry, dataSource, clock, "messages", """
                SELECT count(*) FROM message WHERE due_at <= ?
                    OR (state = 'queued' AND due_at <= CAST(? AS timestamptz) + interval '%d seconds')""".formatted(lease.toSeconds()));
        Backlog.register(registry, dataSource, clock, "outbox", "SELECT count(*) FROM outbox");
    }
}
