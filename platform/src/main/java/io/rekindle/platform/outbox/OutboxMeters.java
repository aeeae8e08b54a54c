package io.rekindle.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rekindle.platform.peers.PeerCalls;
import io.rekindle.platform.work.Backlog;

/**
 * What the relay publishes: its backlog gauges, the dead letters, every row's fate by destination in
 * {@code rekindle.outbox.deliveries} (delivered, retried, dead: registered at zero, so "nothing delivered lately" is a
 * query, not a missing series) and each POST in {@code rekindle.peer.calls} with kind {@code outbox}, under the same
 * peer name ({@code segment-service}) as the service's direct calls to it.
 */
final class OutboxMeters {

    private final MeterRegistry registry;

    OutboxMeters(MeterRegistry registry, DataSource dataSource, Clock clock,
            List<? extends OutboxDestination> destinations) {
        this.registry = registry;
        Gauge.builder("rekindle.outbox.dead.letters", () -> deadLetters(dataSource))
                .description("Calls to other services refused for good, waiting for an operator")
                .strongReference(true).register(registry);
        // A claimed row waits with due_at at its lease's end: in progress. A failed delivery counts as retrying
        // until it is due again.
        Backlog.register(registry, dataSource, clock, "outbox",
                "SELECT count(*) FROM outbox WHERE due_at <= ? OR claimed");
        Backlog.registerRetrying(registry, dataSource, clock, "outbox",
                "SELECT count(*) FROM outbox WHERE attempts > 0 AND due_at > ? AND NOT claimed AND dead_at IS NULL");
        for (OutboxDestination destination : destinations) {
            for (String result : List.of("delivered", "retried", "dead")) {
                rows(destination, result);
            }
        }
    }

    void delivered(OutboxDestination destination, int rows) {
        rows(destination, "delivered").increment(rows);
    }

    void retried(OutboxDestination destination, int rows) {
        rows(destination, "retried").increment(rows);
    }

    void dead(OutboxDestination destination, int rows) {
        rows(destination, "dead").increment(rows);
    }

    /** Times a POST to the destination's service; the call answers its outcome: ok, refused or unavailable. */
    <T> T post(OutboxDestination destination, Supplier<T> call, Function<T, String> outcome) {
        Timer.Sample sample = Timer.start(registry);
        T answer = call.get();
        sample.stop(PeerCalls.timer(registry, destination.service() + "-service", "outbox", outcome.apply(answer)));
        return answer;
    }

    private Counter rows(OutboxDestination destination, String result) {
        return Counter.builder("rekindle.outbox.deliveries").description("Outbox rows by what became of a delivery")
                .tag("destination", destination.name()).tag("result", result).register(registry);
    }

    private static long deadLetters(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox WHERE dead_at IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
