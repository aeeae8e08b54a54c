package io.rekindle.segment.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.segment.config.SegmentConfig;
import io.rekindle.segment.metrics.MetricsMaterializer;
import io.rekindle.segment.metrics.Valuations;
import io.rekindle.platform.work.Backlog;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.platform.work.Poller;

/**
 * Keeps figures and memberships current after writes: a write marks its customers due (in the writer's
 * transaction), and any replica drains the due customers in batches with FOR UPDATE SKIP LOCKED, recomputing their
 * customer_metrics rows and re-evaluating every segment for them.
 */
@ApplicationScoped
public class Reevaluations {

    private final DataSource dataSource;
    private final MetricsMaterializer materializer;
    private final Segments segments;
    private final Valuations valuations;
    private final Clock clock;
    private final Traces traces;
    private final String every;
    private final int batch;
    private Counter reevaluated;
    private Optional<Poller> poller = Optional.empty();

    Reevaluations(DataSource dataSource, MetricsMaterializer materializer, Segments segments, Valuations valuations,
            Clock clock, Traces traces, SegmentConfig config) {
        this.traces = traces;
        this.every = config.segments().reevaluateEvery();
        this.batch = config.segments().reevaluateBatch();
        this.dataSource = dataSource;
        this.materializer = materializer;
        this.segments = segments;
        this.valuations = valuations;
        this.clock = clock;
    }

    /** Marks customers due now; joins the caller's transaction. */
    public void markDue(Connection c, Collection<String> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        // In customer order, as every writer of this table does: two batches sharing customers then lock their
        // rows in the same order and cannot deadlock.
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO customer_reevaluation (customer_id, due_at, traceparent)
                SELECT id, ?, ? FROM unnest(?::text[]) AS u(id) ORDER BY id
                ON CONFLICT (customer_id) DO UPDATE SET due_at = least(customer_reevaluation.due_at, excluded.due_at),
                    traceparent = coalesce(customer_reevaluation.traceparent, excluded.traceparent)
                """)) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, traces.current());
            ps.setArray(3, c.createArrayOf("text", customerIds.toArray()));
            ps.executeUpdate();
        }
    }

    /** Marks customers due now in a transaction of its own. */
    @Transactional
    public void markDue(Collection<String> customerIds) {
        try (Connection c = dataSource.getConnection()) {
            markDue(c, customerIds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void start(@Observes StartupEvent event, MeterRegistry registry) {
        Backlog.register(registry, "reevaluations", this::backlog);
        reevaluated = Counter.builder("rekindle.segment.reevaluations")
                .description("Customers whose metrics and segments were computed again").register(registry);
        poller = Poller.start("reevaluations", every, this::drainDue);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.ifPresent(Poller::stop);
    }

    /** Drains while full batches come back, counting the customers re-evaluated once each batch has committed. */
    void drainDue() {
        int drained;
        do {
            drained = drainBatch();
            reevaluated.increment(drained);
        } while (drained == batch);
    }

    /** How many customers are due now (a backlog after a large import). */
    public long backlog() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM customer_reevaluation WHERE due_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Processes up to one batch of due customers; answers how many. A batch holds the definitions lock shared
     * ({@link Segments#DEFINITIONS_LOCK}): batches run side by side, and a segment saved meanwhile waits for the batches
     * in flight (whose figures it would otherwise read before they commit, for customers they would then never
     * evaluate it for), while the batches after it see it.
     */
    @Transactional
    public int drainBatch() {
        List<String> due = new ArrayList<>();
        List<String> traceparents = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Segments.lockDefinitions(c, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM customer_reevaluation WHERE customer_id IN (
                    SELECT customer_id FROM customer_reevaluation WHERE due_at <= ?
                    ORDER BY due_at, customer_id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING customer_id, traceparent""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setInt(2, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                    traceparents.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!due.isEmpty()) {
            try (var span = traces.start("segment re-evaluation", SpanKind.INTERNAL, traceparents)) {
                span.attribute("rekindle.customers", due.size());
                materializer.refresh(due, valuations.latest());
                segments.reevaluate(due);
            }
        }
        return due.size();
    }
}
