package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.platform.tracing.Traces;
import io.rekindle.scenario.scenario.EntryRules;
import io.rekindle.scenario.scenario.ScenarioDefinition;
import io.rekindle.scenario.scenario.ScenarioView;

/**
 * Enters customers into scenarios under the entry rules: one active enrollment per customer (and key), re-entry only
 * after the configured days (never without them), at most so many a day, none while a journey it must not overlap
 * runs; holdout assigned at entry.
 */
@ApplicationScoped
public class Enrollments {

    private final DataSource dataSource;
    private final Clock clock;
    private final Assignment assignment;
    private final Traces traces;
    private final ProgramHoldout programHoldout;

    Enrollments(DataSource dataSource, Clock clock, Assignment assignment, Traces traces,
            ProgramHoldout programHoldout) {
        this.programHoldout = programHoldout;
        this.traces = traces;
        this.dataSource = dataSource;
        this.clock = clock;
        this.assignment = assignment;
    }

    /**
     * The new enrollment's id, or empty when the entry rules or the program-wide holdout keep the customer out. The
     * profile gives the revenue so far and the pre-entry figures stored with the enrollment.
     */
    @Transactional
    public Optional<String> enroll(ScenarioView scenario, String customerId, String key, Profile profile) {
        BigDecimal revenueNow = profile.revenue();
        Profile.PreEntry before = profile.preEntry();
        ScenarioDefinition definition = scenario.definition();
        String entryKey = key == null ? "" : key;
        Instant now = clock.instant();
        String traceparent = traces.current();
        try (Connection c = dataSource.getConnection()) {
            if (!mayEnter(c, scenario.id(), customerId, entryKey, definition.entry(), now)) {
                return Optional.empty();
            }
            if (!definition.sendsOnlyTransactional() && programHoldout.keepsOut(c, customerId, now)) {
                return Optional.empty();
            }
            String id = UUID.randomUUID().toString();
            boolean holdout = assignment.holdout(scenario.id(), customerId, definition.holdout());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO enrollment (enrollment_id, scenario_id, version, customer_id, entry_key, holdout,
                        priority, state, current_step, step_started_at, visits, due_at, revenue_at_entry, entered_at,
                        traceparent, pre_entry_orders, pre_entry_revenue)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (scenario_id, customer_id, entry_key) WHERE state = 'active' DO NOTHING""")) {
                Timestamp at = Timestamp.from(now);
                ps.setString(1, id);
                ps.setString(2, scenario.id());
                ps.setInt(3, scenario.version());
                ps.setString(4, customerId);
                ps.setString(5, entryKey);
                ps.setBoolean(6, holdout);
                ps.setInt(7, definition.priority() == null ? 0 : definition.priority());
                ps.setString(8, definition.startStep());
                ps.setTimestamp(9, at);
                ps.setString(10, "{\"" + definition.startStep() + "\":1}");
                ps.setTimestamp(11, at);
                ps.setBigDecimal(12, revenueNow);
                ps.setTimestamp(13, at);
                ps.setString(14, traceparent);
                ps.setObject(15, before == null ? null : before.orders(), java.sql.Types.INTEGER);
                ps.setBigDecimal(16, before == null ? null : before.revenue());
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            EnrollmentRow row = new EnrollmentRow(id, scenario.id(), scenario.version(), customerId, entryKey, holdout,
                    null, definition.startStep(), now, java.util.Map.of(), java.util.Map.of(), revenueNow, now,
                    traceparent);
            Journal.add(c, row, null, JournalKind.ENTERED, now, null);
            return Optional.of(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the customer has an active journey in one of these scenarios. */
    public boolean inJourneyOf(String customerId, List<String> scenarioIds) {
        if (scenarioIds.isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            return inJourneyOf(c, customerId, scenarioIds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean inJourneyOf(Connection c, String customerId, List<String> scenarioIds)
            throws SQLException {
        if (scenarioIds.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM enrollment
                    WHERE customer_id = ? AND state = 'active' AND scenario_id = ANY (?))""")) {
            ps.setString(1, customerId);
            ps.setArray(2, c.createArrayOf("text", scenarioIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private boolean mayEnter(Connection c, String scenarioId, String customerId, String key, EntryRules rules,
            Instant now) throws SQLException {
        if (rules != null && inJourneyOf(c, customerId, rules.exclusive())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT bool_or(state = 'active') AS active, max(entered_at) AS last_entered FROM enrollment
                WHERE scenario_id = ? AND customer_id = ? AND entry_key = ?""")) {
            ps.setString(1, scenarioId);
            ps.setString(2, customerId);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean("active")) {
                    return false;
                }
                Timestamp last = rs.getTimestamp("last_entered");
                if (last != null) {
                    Integer days = rules == null ? null : rules.reentryAfterDays();
                    if (days == null || last.toInstant().plus(days, ChronoUnit.DAYS).isAfter(now)) {
                        return false;
                    }
                }
            }
        }
        return !dailyLimitReached(c, scenarioId, rules, now);
    }

    /** Whether the scenario has taken as many customers today (UTC) as its entry rules allow in a day. */
    public boolean dailyLimitReached(ScenarioView scenario) {
        EntryRules rules = scenario.definition().entry();
        if (rules == null || rules.maxPerDay() == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            return dailyLimitReached(c, scenario.id(), scenario.definition().entry(), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean dailyLimitReached(Connection c, String scenarioId, EntryRules rules, Instant now)
            throws SQLException {
        if (rules == null || rules.maxPerDay() == null) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM enrollment WHERE scenario_id = ? AND entered_at >= ?")) {
            ps.setString(1, scenarioId);
            ps.setTimestamp(2, Timestamp.from(now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) >= rules.maxPerDay();
            }
        }
    }
}
