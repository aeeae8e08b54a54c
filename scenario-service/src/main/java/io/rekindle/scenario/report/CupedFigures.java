package io.rekindle.scenario.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;

/**
 * Each group's pre-entry figures beside its outcomes, for {@link Cuped}: conversion (0 or 1) with pre-entry orders,
 * revenue in the window with pre-entry revenue. Over the same customers as the plain figures.
 */
record CupedFigures(Cuped.Sample conversionTreatment, Cuped.Sample conversionHoldout, Cuped.Sample revenueTreatment,
        Cuped.Sample revenueHoldout, long withoutPreEntry) {

    static CupedFigures read(Connection c, String scenarioId, Duration window, Timestamp closedBefore)
            throws SQLException {
        Cuped.Sample[] samples = new Cuped.Sample[4];
        long without = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                WITH measured AS (
                    SELECT enrollment_id, holdout, pre_entry_orders IS NULL AS unknown,
                           coalesce(pre_entry_orders, 0)::float8 AS xo, coalesce(pre_entry_revenue, 0)::float8 AS xr,
                           CASE WHEN converted_at IS NOT NULL AND converted_at <= entered_at + make_interval(secs => ?)
                                THEN 1 ELSE 0 END::float8 AS c,
                           CASE WHEN converted_at IS NOT NULL AND converted_at <= entered_at + make_interval(secs => ?)
                                THEN coalesce(revenue, 0) ELSE 0 END::float8 AS y
                    FROM enrollment WHERE scenario_id = ? AND entered_at <= ?)
                SELECT holdout, count(*) AS n, count(*) FILTER (WHERE unknown) AS unknown,
                       sum(xo) AS sxo, sum(xo * xo) AS sxxo, sum(c) AS sc, sum(c * c) AS scc, sum(xo * c) AS sxco,
                       sum(xr) AS sxr, sum(xr * xr) AS sxxr, sum(y) AS sy, sum(y * y) AS syy, sum(xr * y) AS sxyr,
                       CASE WHEN count(*) <= ? THEN array_agg(xo ORDER BY enrollment_id)
                           FILTER (WHERE xo <> 0 OR c <> 0) END AS xos,
                       CASE WHEN count(*) <= ? THEN array_agg(c ORDER BY enrollment_id)
                           FILTER (WHERE xo <> 0 OR c <> 0) END AS cs,
                       CASE WHEN count(*) <= ? THEN array_agg(xr ORDER BY enrollment_id)
                           FILTER (WHERE xr <> 0 OR y <> 0) END AS xrs,
                       CASE WHEN count(*) <= ? THEN array_agg(y ORDER BY enrollment_id)
                           FILTER (WHERE xr <> 0 OR y <> 0) END AS ys
                FROM measured GROUP BY holdout""")) {
            ps.setDouble(1, window.toSeconds());
            ps.setDouble(2, window.toSeconds());
            ps.setString(3, scenarioId);
            ps.setTimestamp(4, closedBefore);
            for (int i = 5; i <= 8; i++) {
                ps.setInt(i, MeanDifference.RESAMPLED_UP_TO);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int g = rs.getBoolean("holdout") ? 1 : 0;
                    long n = rs.getLong("n");
                    without += rs.getLong("unknown");
                    boolean whole = n <= MeanDifference.RESAMPLED_UP_TO;
                    samples[g] = new Cuped.Sample(new Cuped.Moments(n, rs.getDouble("sxo"), rs.getDouble("sxxo"),
                            rs.getDouble("sc"), rs.getDouble("scc"), rs.getDouble("sxco")),
                            whole ? values(rs, "xos") : null, whole ? values(rs, "cs") : null);
                    samples[2 + g] = new Cuped.Sample(new Cuped.Moments(n, rs.getDouble("sxr"), rs.getDouble("sxxr"),
                            rs.getDouble("sy"), rs.getDouble("syy"), rs.getDouble("sxyr")),
                            whole ? values(rs, "xrs") : null, whole ? values(rs, "ys") : null);
                }
            }
        }
        Cuped.Sample none = new Cuped.Sample(Cuped.Moments.NONE, new double[0], new double[0]);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = samples[i] == null ? none : samples[i];
        }
        return new CupedFigures(samples[0], samples[1], samples[2], samples[3], without);
    }

    /** An array column; an aggregate over no row (everyone at 0) is SQL null and means none. */
    private static double[] values(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? new double[0]
                : Arrays.stream((Double[]) array.getArray()).mapToDouble(Double::doubleValue).toArray();
    }
}
