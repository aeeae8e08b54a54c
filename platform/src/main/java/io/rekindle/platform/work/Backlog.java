package io.rekindle.platform.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes how much durable work a queue holds as the gauge {@code rekindle_backlog{queue=...}}: what is due now or
 * being worked on and not yet done. Platform teams watch it (and may scale on it); the demo waits for every backlog
 * to reach zero before it moves time on. Work that failed and waits for its retry (a peer or provider away) is not in
 * it, since a demo's standing clock would never see it come due; it is the gauge
 * {@code rekindle_backlog_retrying{queue=...}}, the one that grows while something the service needs is down.
 * Counted by a query at each scrape, on the service's own clock.
 */
public final class Backlog {

    private Backlog() {
    }

    /** Registers the gauge; every {@code ?} in the counting query is bound to the service's current instant. */
    public static void register(MeterRegistry registry, DataSource dataSource, Clock clock, String queue, String count) {
        register(registry, queue, () -> count(dataSource, clock, count));
    }

    /** Registers the retrying gauge of a queue; every {@code ?} is bound to the service's current instant. */
    public static void registerRetrying(MeterRegistry registry, DataSource dataSource, Clock clock, String queue,
            String count) {
        gauge(registry, "rekindle.backlog.retrying", "Durable work that failed and waits for its retry", queue,
                () -> count(dataSource, clock, count));
    }

    /** Registers the gauge with a count the service already has. */
    public static void register(MeterRegistry registry, String queue, LongSupplier count) {
        gauge(registry, "rekindle.backlog", "Durable work due now or in progress and not yet done", queue, count);
    }

    private static void gauge(MeterRegistry registry, String name, String description, String queue,
            LongSupplier count) {
        Gauge.builder(name, count::getAsLong).description(description).tag("queue", queue).strongReference(true)
                .register(registry);
    }

    private static long count(DataSource dataSource, Clock clock, String sql) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= sql.chars().filter(ch -> ch == '?').count(); i++) {
                ps.setTimestamp(i, now);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backlog " + sql + ": " + e.getMessage(), e);
        }
    }
}
