package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.scenario.config.ScenarioConfig;

/** The enrollment table as the engine uses it: claim due rows under a lease, commit a transition. */
@ApplicationScoped
public class EnrollmentStore {

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EnrollmentStore.class);

    private final int maxAttempts;
    private final io.rekindle.platform.work.Backoff backoff;
    private final EngineMeters meters;

    EnrollmentStore(DataSource dataSource, ObjectMapper mapper, Clock clock, EngineMeters meters,
            ScenarioConfig config) {
        this.meters = meters;
        int maxAttempts = config.maxAttempts();
        Duration retryBase = config.retryBase();
        Duration retryMax = config.retryMax();
        this.maxAttempts = maxAttempts;
        this.backoff = new io.rekindle.platform.work.Backoff(retryBase, retryMax);
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} enrollments due by {@code dueBy} for {@code lease}: their due time moves to the
     * lease's end, so if this replica dies they are due again then, for any replica. They come in due order, the
     * highest priority first among the equally due (then by scenario, customer and entry key, a total order, so it is
     * the same on every run): when two scenarios want a customer's one message of the day at the same moment, the more important one
     * gets it.
     */
    @Transactional
    public List<EnrollmentRow> claim(int limit, Duration lease, Instant dueBy) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH picked AS (
                    SELECT enrollment_id, due_at FROM enrollment WHERE state = 'active' AND due_at <= ?
                    ORDER BY due_at, priority DESC, scenario_id, customer_id, entry_key LIMIT ? FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE enrollment e SET due_at = ?, leased_until = ?, wake = false FROM picked p
                    WHERE e.enrollment_id = p.enrollment_id
                    RETURNING p.due_at AS was_due, e.*)
                SELECT was_due,\s""" + EnrollmentRow.COLUMNS
                + " FROM claimed ORDER BY was_due, priority DESC, scenario_id, customer_id, entry_key")) {
            Timestamp until = Timestamp.from(now.plus(lease));
            ps.setTimestamp(1, Timestamp.from(dueBy));
            ps.setInt(2, limit);
            ps.setTimestamp(3, until);
            ps.setTimestamp(4, until);
            List<EnrollmentRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    meters.late(rs.getTimestamp("was_due").toInstant(), now);
                    rows.add(EnrollmentRow.read(rs, mapper));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the engine decided for one claimed enrollment: a transition to commit, or (with {@code retryAt}) to give
     * it back untouched because a peer could not answer.
     */
    public record Decision(EnrollmentRow enrollment, Transition transition, int attributionDays, Instant retryAt,
            Failure failure) {

        /** Why a pass over the enrollment did not get through: a peer that did not answer, or anything else. */
        public record Failure(boolean unexpected, String reason) {
        }

        public Decision(EnrollmentRow enrollment, Transition transition, int attributionDays, Instant retryAt) {
            this(enrollment, transition, attributionDays, retryAt, null);
        }

        /** Given back to run again at {@code at}, nothing having gone wrong (a round's step limit reached). */
        public static Decision retry(EnrollmentRow e, Instant at) {
            return new Decision(e, null, 0, at);
        }

        /** Given back after a failed pass: retried with a growing delay, parked after too many unexpected ones. */
        public static Decision failed(EnrollmentRow e, boolean unexpected, String reason) {
            return new Decision(e, null, 0, null, new Failure(unexpected, reason));
        }
    }

    /**
     * Commits the decisions of a whole batch in one transaction (one flush to disk for many steps); answers each
     * enrollment as it now stands, null once it waits, ended or was given back. The side effects were made before,
     * under their keys: a crash before this commit runs them again with the same keys.
     */
    @Transactional
    public List<EnrollmentRow> commitAll(List<Decision> decisions) {
        Instant now = clock.instant();
        List<EnrollmentRow> after = new ArrayList<>(decisions.size());
        try (Connection c = dataSource.getConnection()) {
            lockInOrder(c, decisions);
            resetAttempts(c, decisions);
            for (Decision d : decisions) {
                if (d.failure() != null) {
                    after.add(null);
                    failed(c, d, now);
                } else if (d.retryAt() != null) {
                    update(c, "UPDATE enrollment SET due_at = ?, leased_until = NULL WHERE enrollment_id = ? "
                            + "AND state = 'active'", Timestamp.from(d.retryAt()), d.enrollment().enrollmentId());
                    after.add(null);
                } else {
                    after.add(commit(c, d.enrollment(), d.transition(), d.attributionDays(), now));
                }
            }
            return after;
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A pass that got through ends the run of failures. */
    private static void resetAttempts(Connection c, List<Decision> decisions) throws SQLException {
        Object[] through = decisions.stream().filter(d -> d.failure() == null && d.transition() != null)
                .map(d -> d.enrollment().enrollmentId()).toArray();
        if (through.length > 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE enrollment SET attempts = 0 WHERE enrollment_id = ANY (?) AND attempts > 0")) {
                ps.setArray(1, c.createArrayOf("text", through));
                ps.executeUpdate();
            }
        }
    }

    /**
     * One more failed pass: due again after a delay that grows with the failures in a row (a peer may be down for
     * long, so those wait up to the backoff's ceiling for ever); after {@code maxAttempts} unexpected failures in a
     * row the enrollment is parked: ended with outcome {@code parked}, journaled at its step, counted in the report.
     */
    private void failed(Connection c, Decision d, Instant now) throws SQLException {
        int attempts;
        try (PreparedStatement ps = c.prepareStatement("UPDATE enrollment SET attempts = attempts + 1, "
                + "leased_until = NULL WHERE enrollment_id = ? AND state = 'active' RETURNING attempts")) {
            ps.setString(1, d.enrollment().enrollmentId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                attempts = rs.getInt(1);
            }
        }
        if (d.failure().unexpected() && attempts >= maxAttempts) {
            LOG.errorf("enrollment %s parked at step %s after %d failed passes: %s", d.enrollment().enrollmentId(),
                    d.enrollment().currentStep(), attempts, d.failure().reason());
            end(c, d.enrollment(), Outcome.PARKED, null, null, now, 0);
            return;
        }
        update(c, "UPDATE enrollment SET due_at = ? WHERE enrollment_id = ?",
                Timestamp.from(now.plus(backoff.after(attempts, ThreadLocalRandom.current()))),
                d.enrollment().enrollmentId());
    }

    /** Locks the rows in enrollment order, as a signal's wake does: writers of several enrollments cannot deadlock. */
    private static void lockInOrder(Connection c, List<Decision> decisions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM enrollment WHERE enrollment_id = ANY (?) ORDER BY enrollment_id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text",
                    decisions.stream().map(d -> d.enrollment().enrollmentId()).toArray()));
            ps.executeQuery().close();
        }
    }

    private EnrollmentRow commit(Connection c, EnrollmentRow e, Transition t, int attributionDays, Instant now)
            throws SQLException {
        if (t instanceof Transition.Send) {
            throw new IllegalStateException("a send is handed over before its round is committed");
        }
        for (Transition.Note note : t.notes()) {
            Journal.add(c, e, note.stepId(), note.kind(), now, note.amount());
        }
        if (t instanceof Transition.Stay stay) {
            // A signal that came while this runner held the enrollment (wake) means: look again now.
            update(c, "UPDATE enrollment SET due_at = CASE WHEN wake THEN ?::timestamptz ELSE ?::timestamptz END, wake = false, "
                    + "waiting_for = ?, leased_until = NULL WHERE enrollment_id = ?", Timestamp.from(now),
                    Timestamp.from(stay.dueAt()), stay.waitingFor(), e.enrollmentId());
            return null;
        }
        if (t instanceof Transition.Move move && move.next() != null) {
            Map<String, Integer> visits = new HashMap<>(e.visits());
            visits.merge(move.next(), 1, Integer::sum);
            Map<String, Object> variables = new HashMap<>(e.variables());
            if (move.variables() != null) {
                variables.putAll(move.variables());
            }
            String variant = move.variant() != null ? move.variant() : e.variant();
            // due_at stays at the lease's end: this runner goes on with the next step; if it dies, any replica will.
            update(c, "UPDATE enrollment SET current_step = ?, step_started_at = ?, visits = ?::jsonb, "
                    + "variables = ?::jsonb, variant = ?, waiting_for = NULL WHERE enrollment_id = ?", move.next(),
                    Timestamp.from(now), json(visits), json(variables), variant, e.enrollmentId());
            return new EnrollmentRow(e.enrollmentId(), e.scenarioId(), e.version(), e.customerId(),
                    e.entryKey(), e.holdout(), variant, move.next(), now, visits, variables,
                    e.revenueAtEntry(), e.enteredAt(), e.traceparent());
        }
        if (t instanceof Transition.End end) {
            end(c, e, end.outcome(), end.convertedAt(), end.revenue(), now, attributionDays);
        } else {
            end(c, e, Outcome.FINISHED, null, null, now, attributionDays);
        }
        return null;
    }

    /**
     * Ends the enrollment. A conversion is journaled now; otherwise the attribution window stays open and a later
     * purchase within it still counts ({@code measure_at}), for treatment and holdout alike.
     */
    private void end(Connection c, EnrollmentRow e, Outcome outcome, Instant convertedAt, BigDecimal revenue,
            Instant now, int attributionDays) throws SQLException {
        // A parked journey did not get its treatment: it is left out of the groups, and counted apart.
        Instant measureAt = convertedAt != null || outcome == Outcome.PARKED ? null
                : e.enteredAt().plus(Duration.ofDays(attributionDays));
        update(c, "UPDATE enrollment SET state = 'ended', outcome = ?, ended_at = ?, converted_at = ?, revenue = ?, "
                + "measure_at = ?, due_at = NULL, leased_until = NULL, waiting_for = NULL WHERE enrollment_id = ?",
                outcome.value(), Timestamp.from(now), convertedAt == null ? null : Timestamp.from(convertedAt), revenue,
                measureAt == null ? null : Timestamp.from(measureAt), e.enrollmentId());
        if (convertedAt != null) {
            Journal.add(c, e, e.currentStep(), JournalKind.CONVERTED, now, revenue);
        } else if (outcome.journaled() != null) {
            Journal.add(c, e, e.currentStep(), outcome.journaled(), now, null);
        }
    }

    static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
