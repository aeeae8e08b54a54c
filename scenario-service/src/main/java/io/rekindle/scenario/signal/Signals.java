package io.rekindle.scenario.signal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores signals once per id; the engine reads them when a waiting step or an exit rule asks. */
@ApplicationScoped
public class Signals {

    /** Signals that can end a journey: an order (segment-service) or an opt-out (messaging-service). */
    private static final Set<String> EXIT_SIGNALS = Set.of("purchased", "unsubscribed", "complained", "opted_out");

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    Signals(DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Answers how many were new (the rest had been received before). */
    @Transactional
    public int store(List<SignalRequest> signals) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO signal (signal_id, customer_id, type, occurred_at, attribution, properties, received_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT (signal_id) DO NOTHING""")) {
            int added = 0;
            // In signal order: two deliveries sharing signals (a retried batch) insert them alike and cannot deadlock.
            for (SignalRequest s : signals.stream().sorted(Comparator.comparing(SignalRequest::signalId)).toList()) {
                ps.setString(1, s.signalId());
                ps.setString(2, s.customerId());
                ps.setString(3, s.type());
                ps.setTimestamp(4, Timestamp.from(s.occurredAt()));
                ps.setString(5, json(s.attribution()));
                ps.setString(6, json(s.properties()));
                ps.setTimestamp(7, now);
                added += ps.executeUpdate();
            }
            wakeWaiting(c, signals.stream().map(SignalRequest::customerId).distinct().toArray(), now);
            wakeAll(c, signals.stream().filter(s -> EXIT_SIGNALS.contains(s.type())).map(SignalRequest::customerId)
                    .distinct().toArray(), now);
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every active enrollment of these customers checks its exit rules now (a purchase, an opt-out). One a runner
     * holds right now keeps its lease and is flagged, so its next wait looks again at once.
     */
    private static void wakeAll(Connection c, Object[] customers, Timestamp now) throws SQLException {
        wake(c, customers, now, "true");
    }

    /** Enrollments waiting for something from these customers look again now instead of at their timeout. */
    private static void wakeWaiting(Connection c, Object[] customers, Timestamp now) throws SQLException {
        wake(c, customers, now, "waiting_for IS NOT NULL");
    }

    /**
     * Due now where {@code which} holds; one a runner holds right now (whatever step it is at) only gets the flag, so
     * the wait it is about to commit looks again at once.
     */
    private static void wake(Connection c, Object[] customers, Timestamp now, String which) throws SQLException {
        if (customers.length == 0) {
            return;
        }
        // Rows locked in enrollment order, as the engine's commits lock them: two writers cannot deadlock.
        try (PreparedStatement ps = c.prepareStatement("""
                WITH woken AS (
                    SELECT enrollment_id FROM enrollment
                    WHERE state = 'active' AND customer_id = ANY (?) AND (leased_until > ? OR %s)
                    ORDER BY enrollment_id FOR UPDATE)
                UPDATE enrollment e SET wake = true,
                    due_at = CASE WHEN leased_until > ? THEN due_at ELSE LEAST(due_at, ?) END
                FROM woken w WHERE e.enrollment_id = w.enrollment_id""".formatted(which))) {
            ps.setArray(1, c.createArrayOf("text", customers));
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            ps.executeUpdate();
        }
    }

    private String json(Map<String, Object> map) {
        try {
            return mapper.writeValueAsString(map == null ? Map.of() : map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
