package io.rekindle.scenario.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.engine.JournalKind;
import io.rekindle.scenario.engine.Outcome;

/** Reads a scenario's figures from its enrollments, journal and attributed signals. */
@ApplicationScoped
public class Reports {

    private final DataSource dataSource;
    private final Clock clock;

    Reports(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public ScenarioReport report(String scenarioId, int attributionDays, double mde) {
        Instant now = clock.instant();
        Timestamp closedBefore = Timestamp.from(now.minus(Duration.ofDays(attributionDays)));
        try (Connection c = dataSource.getConnection()) {
            GroupFigures treatment = group(c, scenarioId, false, attributionDays, closedBefore);
            GroupFigures holdout = group(c, scenarioId, true, attributionDays, closedBefore);
            long entered = count(c, "SELECT count(*) FROM enrollment WHERE scenario_id = ?", scenarioId);
            long active = count(c, "SELECT count(*) FROM enrollment WHERE scenario_id = ? AND state = 'active'",
                    scenarioId);
            long parked = count(c, "SELECT count(*) FROM enrollment WHERE scenario_id = ? AND outcome = '"
                    + Outcome.PARKED.value() + "'", scenarioId);
            return new ScenarioReport(scenarioId, now, attributionDays, entered, active, parked,
                    entered - treatment.customers() - holdout.customers() - parked, treatment, holdout,
                    Lift.of(treatment, holdout, mde), steps(c, scenarioId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GroupFigures group(Connection c, String scenarioId, boolean holdout, int days, Timestamp closedBefore)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH measured AS (
                    SELECT CASE WHEN converted_at IS NOT NULL AND converted_at <= entered_at + make_interval(days => ?)
                                THEN coalesce(revenue, 0) END AS revenue
                    FROM enrollment WHERE scenario_id = ? AND holdout = ? AND entered_at <= ?)
                SELECT count(*) AS customers, count(revenue) AS converted, coalesce(sum(revenue), 0) AS revenue,
                       coalesce(sum(revenue * revenue), 0) AS revenue_squares
                FROM measured""")) {
            ps.setInt(1, days);
            ps.setString(2, scenarioId);
            ps.setBoolean(3, holdout);
            ps.setTimestamp(4, closedBefore);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new GroupFigures(rs.getLong("customers"), rs.getLong("converted"), rs.getDouble("revenue"),
                        rs.getDouble("revenue_squares"));
            }
        }
    }

    private static List<StepFigures> steps(Connection c, String scenarioId) throws SQLException {
        Map<String, Map<String, Long>> engine = new TreeMap<>();
        Map<String, Map<String, Long>> customers = new TreeMap<>();
        Map<String, double[]> conversions = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT step_id, coalesce(variant, '') AS variant, kind,
                    CASE WHEN kind = 'capped' THEN count(DISTINCT enrollment_id) ELSE count(*) END AS n,
                    coalesce(sum(amount), 0) AS amount FROM journal
                WHERE scenario_id = ? AND step_id IS NOT NULL GROUP BY 1, 2, 3""")) {
            ps.setString(1, scenarioId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("step_id") + "\u0000" + rs.getString("variant");
                    if (JournalKind.CONVERTED.value().equals(rs.getString("kind"))) {
                        conversions.put(key, new double[] {rs.getLong("n"), rs.getDouble("amount")});
                    } else {
                        engine.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getString("kind"), rs.getLong("n"));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT attribution ->> 'step' AS step_id, coalesce(attribution ->> 'variant', '') AS variant, type,
                       count(DISTINCT customer_id) AS customers
                FROM signal WHERE attribution ->> 'scenario' = ? AND attribution ->> 'step' IS NOT NULL
                GROUP BY 1, 2, 3""")) {
            ps.setString(1, scenarioId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    customers.computeIfAbsent(rs.getString("step_id") + "\u0000" + rs.getString("variant"),
                            k -> new TreeMap<>()).put(rs.getString("type"), rs.getLong("customers"));
                }
            }
        }
        Map<String, Boolean> keys = new LinkedHashMap<>();
        engine.keySet().forEach(k -> keys.put(k, true));
        customers.keySet().forEach(k -> keys.put(k, true));
        conversions.keySet().forEach(k -> keys.put(k, true));
        List<StepFigures> steps = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(keys.keySet())) {
            String[] parts = key.split("\u0000", -1);
            double[] converted = conversions.getOrDefault(key, new double[2]);
            steps.add(new StepFigures(parts[0], parts[1].isEmpty() ? null : parts[1],
                    engine.getOrDefault(key, Map.of()), customers.getOrDefault(key, Map.of()), (long) converted[0],
                    converted[1]));
        }
        return steps;
    }

    private static long count(Connection c, String sql, String scenarioId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scenarioId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
