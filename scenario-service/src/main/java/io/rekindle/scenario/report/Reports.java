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

import io.rekindle.scenario.config.ScenarioConfig;
import io.rekindle.scenario.engine.JournalKind;
import io.rekindle.scenario.engine.Outcome;
import io.rekindle.scenario.scenario.Step;

/** Reads a scenario's figures from its enrollments, journal and attributed signals. */
@ApplicationScoped
public class Reports {

    private final DataSource dataSource;
    private final Clock clock;
    private final long minimumGroup;
    private final ScenarioConfig.SendCost sendCost;
    private final int preEntryDays;

    Reports(DataSource dataSource, Clock clock, ScenarioConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.minimumGroup = config.reportMinimumGroup();
        this.sendCost = config.sendCost();
        this.preEntryDays = (int) config.preEntryPeriod().toDays();
    }

    public ScenarioReport report(String scenarioId, int attributionDays, List<Step> definedSteps, double mde) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Erasure first = firstErasure(c, scenarioId);
            Duration window = Measurement.window(Duration.ofDays(attributionDays), first == null ? null : first.after());
            Timestamp closedBefore = Timestamp.from(now.minus(window));
            Groups groups = groups(c, scenarioId, window, closedBefore);
            String erasedEarly = "SELECT count(*) FROM enrollment WHERE scenario_id = ? AND holdout = ? AND entered_at <= ? "
                    + "AND outcome = '" + Outcome.ERASED.value() + "' AND ended_at < entered_at + make_interval(secs => ?)";
            Measurement measurement = new Measurement(window, window.equals(Duration.ofDays(attributionDays)) ? null
                    : String.format(java.util.Locale.ROOT, "the scenario's first erasure, %.1f days after entry (step "
                            + "%s): the window ends there for both groups, so purchases erasure hides count for neither",
                            first.after().toSeconds() / 86_400.0, first.step()),
                    count(c, erasedEarly, scenarioId, false, closedBefore, (double) window.toSeconds()),
                    count(c, erasedEarly, scenarioId, true, closedBefore, (double) window.toSeconds()));
            long entered = count(c, "SELECT count(*) FROM enrollment WHERE scenario_id = ?", scenarioId);
            long active = count(c, "SELECT count(*) FROM enrollment WHERE scenario_id = ? AND state = 'active'",
                    scenarioId);
            long parked = count(c, "SELECT count(*) FROM enrollment WHERE scenario_id = ? AND outcome = '"
                    + Outcome.PARKED.value() + "'", scenarioId);
            String inWindow = "SELECT count(*) FROM enrollment WHERE scenario_id = ? AND entered_at > ? AND holdout = ? "
                    + "AND outcome IS DISTINCT FROM '" + Outcome.PARKED.value() + "'";
            long pendingTreatment = count(c, inWindow, scenarioId, closedBefore, false);
            long pendingHoldout = count(c, inWindow, scenarioId, closedBefore, true);
            long seed = scenarioId.hashCode();
            GroupFigures treatment = groups.treatment().figures();
            GroupFigures holdout = groups.holdout().figures();
            MarginFigures margins = MarginFigures.read(c, scenarioId, window, closedBefore, definedSteps, sendCost);
            Adjusted adjusted = Adjusted.of(preEntryDays, CupedFigures.read(c, scenarioId, window, closedBefore),
                    seed);
            return new ScenarioReport(scenarioId, now, attributionDays, measurement, entered, active, parked,
                    entered - treatment.customers() - holdout.customers() - parked, pendingTreatment, pendingHoldout,
                    treatment, holdout,
                    Lift.of(treatment, holdout, groups.treatment().revenues(), groups.holdout().revenues(),
                            adjusted, mde, minimumGroup, seed),
                    VariantComparison.all(groups.variantFigures(), groups.variantRevenues(), holdout,
                            groups.holdout().revenues(), minimumGroup, seed),
                    Margin.of(margins.treatment(), margins.holdout(), margins.discount(), margins.sendingCost(),
                            minimumGroup, seed),
                    steps(c, scenarioId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A group's figures, and its buyers' amounts (null when the group was too large to fetch them). */
    private record Group(GroupFigures figures, double[] amounts) {

        static final Group EMPTY = new Group(new GroupFigures(0, 0, 0, 0), new double[0]);

        Group plus(Group other) {
            GroupFigures a = figures;
            GroupFigures b = other.figures;
            double[] all = null;
            if (amounts != null && other.amounts != null) {
                all = java.util.Arrays.copyOf(amounts, amounts.length + other.amounts.length);
                System.arraycopy(other.amounts, 0, all, amounts.length, other.amounts.length);
            }
            return new Group(new GroupFigures(a.customers() + b.customers(), a.converted() + b.converted(),
                    a.revenue() + b.revenue(), a.revenueSquares() + b.revenueSquares()), all);
        }

        /** Whole when small enough to resample, else null (the summary serves). */
        Revenues revenues() {
            return amounts == null || figures.customers() == 0 || figures.customers() > MeanDifference.RESAMPLED_UP_TO
                    ? null : Revenues.of(figures.customers(), amounts);
        }
    }

    /** The treatment (all its variants), the holdout, and each named variant of the treatment. */
    private record Groups(Group treatment, Group holdout, Map<String, Group> variants) {

        Map<String, GroupFigures> variantFigures() {
            Map<String, GroupFigures> figures = new TreeMap<>();
            variants.forEach((v, g) -> figures.put(v, g.figures()));
            return figures;
        }

        Map<String, Revenues> variantRevenues() {
            Map<String, Revenues> revenues = new TreeMap<>();
            variants.forEach((v, g) -> {
                if (g.revenues() != null) {
                    revenues.put(v, g.revenues());
                }
            });
            return revenues;
        }
    }

    /** When, after entry, the scenario's erase step first erased a treatment customer, and which step. */
    private record Erasure(Duration after, String step) {
    }

    private static Erasure firstErasure(Connection c, String scenarioId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT extract(epoch FROM j.at - e.entered_at) AS after, j.step_id FROM journal j
                JOIN enrollment e ON e.enrollment_id = j.enrollment_id
                WHERE j.scenario_id = ? AND j.kind = ? AND NOT j.holdout AND j.step_id IS NOT NULL
                ORDER BY 1 LIMIT 1""")) {
            ps.setString(1, scenarioId);
            ps.setString(2, JournalKind.ERASED.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Erasure(Duration.ofMillis(Math.round(rs.getDouble(1) * 1000)),
                        rs.getString(2)) : null;
            }
        }
    }

    private static Groups groups(Connection c, String scenarioId, Duration window, Timestamp closedBefore)
            throws SQLException {
        Group treatment = Group.EMPTY;
        Group holdout = Group.EMPTY;
        Map<String, Group> variants = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                WITH measured AS (
                    SELECT holdout, coalesce(variant, '') AS variant,
                           CASE WHEN converted_at IS NOT NULL AND converted_at <= entered_at + make_interval(secs => ?)
                                THEN coalesce(revenue, 0) END AS revenue
                    FROM enrollment WHERE scenario_id = ? AND entered_at <= ?)
                SELECT holdout, variant, count(*) AS customers, count(revenue) AS converted,
                       coalesce(sum(revenue), 0) AS revenue, coalesce(sum(revenue * revenue), 0) AS revenue_squares,
                       CASE WHEN count(*) <= ? THEN coalesce(array_agg(revenue::float8) FILTER (WHERE revenue IS NOT NULL),
                           '{}') END AS amounts
                FROM measured GROUP BY holdout, variant ORDER BY holdout, variant""")) {
            ps.setDouble(1, window.toSeconds());
            ps.setString(2, scenarioId);
            ps.setTimestamp(3, closedBefore);
            ps.setInt(4, MeanDifference.RESAMPLED_UP_TO);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GroupFigures figures = new GroupFigures(rs.getLong("customers"), rs.getLong("converted"),
                            rs.getDouble("revenue"), rs.getDouble("revenue_squares"));
                    java.sql.Array amounts = rs.getArray("amounts");
                    double[] values = null;
                    if (amounts != null) {
                        Double[] boxed = (Double[]) amounts.getArray();
                        values = java.util.Arrays.stream(boxed).mapToDouble(Double::doubleValue).toArray();
                    }
                    Group group = new Group(figures, values);
                    if (rs.getBoolean("holdout")) {
                        holdout = holdout.plus(group);
                    } else {
                        treatment = treatment.plus(group);
                        if (!rs.getString("variant").isEmpty()) {
                            variants.put(rs.getString("variant"), group);
                        }
                    }
                }
            }
        }
        return new Groups(treatment, holdout, variants);
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

    private static long count(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
