package io.rekindle.scenario.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per program member and period: revenue from the purchase signals after joining, and margin (that minus the orders'
 * discounts minus the cost of the scenario messages sent to them in the period); summed per period and side, with
 * each customer's figure kept while a side is small enough to resample.
 */
final class ProgramFigures {

    /** A period's two sides: [0] in the program, [1] held out; revenue and margin per customer. */
    record Sides(Revenues[] revenue, Revenues[] margin) {
    }

    private ProgramFigures() {
    }

    /**
     * Weeks starting at {@code first} (a Monday, UTC) up to {@code end}, by week start; or, with {@code weekly}
     * false, one period from each customer's joining to {@code end}, under {@code first}. {@code costs} holds each
     * sending step as scenario id, step id and cost per message.
     */
    static Map<Instant, Sides> read(Connection c, Instant first, Instant end, boolean weekly, SendingCosts costs,
            boolean resample) throws SQLException {
        Timestamp from = Timestamp.from(first);
        Timestamp to = Timestamp.from(end);
        List<Object> params = new ArrayList<>();
        params.add(to);
        if (weekly) {
            params.add(from);
            params.add(Timestamp.from(end.minusNanos(1_000)));
        } else {
            params.add(from);
        }
        params.add(costs.scenarios());
        params.add(costs.steps());
        params.add(costs.costs());
        params.addAll(List.of(from, from, to, from, from, to, resample, MeanDifference.RESAMPLED_UP_TO, resample,
                MeanDifference.RESAMPLED_UP_TO));
        String period = weekly ? "date_bin('7 days', %s, ?)" : "?::timestamptz";
        String sql = """
                WITH m AS (SELECT customer_id, held_out, joined_at FROM program_member WHERE joined_at < ?),
                w AS (%s),
                costs AS (SELECT * FROM unnest(?::text[], ?::text[], ?::float8[]) AS k(scenario_id, step_id, cost)),
                bought AS (
                    SELECT s.customer_id, %s AS p, sum((s.properties ->> 'total')::numeric) AS revenue,
                           sum(coalesce((s.properties ->> 'discount')::numeric, 0)) AS discount
                    FROM signal s JOIN m ON m.customer_id = s.customer_id
                    WHERE s.type = 'purchased' AND s.occurred_at >= m.joined_at AND s.occurred_at >= ?
                      AND s.occurred_at < ?
                    GROUP BY 1, 2),
                sent AS (
                    SELECT e.customer_id, %s AS p, sum(k.cost) AS cost
                    FROM journal j JOIN enrollment e ON e.enrollment_id = j.enrollment_id
                    JOIN m ON m.customer_id = e.customer_id AND j.at >= m.joined_at
                    JOIN costs k ON k.scenario_id = j.scenario_id AND k.step_id = j.step_id
                    WHERE j.kind = 'sent' AND j.at >= ? AND j.at < ?
                    GROUP BY 1, 2),
                per AS (
                    SELECT w.p, m.held_out, coalesce(b.revenue, 0)::float8 AS revenue,
                           (coalesce(b.revenue, 0) - coalesce(b.discount, 0))::float8 - coalesce(x.cost, 0) AS margin
                    FROM w JOIN m ON %s
                    LEFT JOIN bought b ON b.customer_id = m.customer_id AND b.p = w.p
                    LEFT JOIN sent x ON x.customer_id = m.customer_id AND x.p = w.p)
                SELECT p, held_out, count(*) AS n, sum(revenue) AS revenue, sum(revenue * revenue) AS revenue_squares,
                       sum(margin) AS margin, sum(margin * margin) AS margin_squares,
                       CASE WHEN ? AND count(*) <= ? THEN array_agg(revenue) FILTER (WHERE revenue <> 0) END AS revenues,
                       CASE WHEN ? AND count(*) <= ? THEN array_agg(margin) FILTER (WHERE margin <> 0) END AS margins
                FROM per GROUP BY 1, 2 ORDER BY 1, 2""".formatted(
                weekly ? "SELECT generate_series(?::timestamptz, ?::timestamptz, interval '7 days') AS p"
                        : "SELECT ?::timestamptz AS p",
                period.formatted("s.occurred_at"), period.formatted("j.at"),
                weekly ? "m.joined_at < w.p + interval '7 days'" : "true");
        Map<Instant, Sides> sides = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof Object[] array) {
                    ps.setArray(i + 1, c.createArrayOf(array instanceof Double[] ? "float8" : "text", array));
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Sides s = sides.computeIfAbsent(rs.getTimestamp("p").toInstant(),
                            p -> new Sides(new Revenues[2], new Revenues[2]));
                    int side = rs.getBoolean("held_out") ? 1 : 0;
                    long n = rs.getLong("n");
                    s.revenue()[side] = revenues(n, rs.getDouble("revenue"), rs.getDouble("revenue_squares"),
                            rs.getArray("revenues"), resample);
                    s.margin()[side] = revenues(n, rs.getDouble("margin"), rs.getDouble("margin_squares"),
                            rs.getArray("margins"), resample);
                }
            }
        }
        return sides;
    }

    /** Every sending step of every scenario, as three aligned arrays, with its cost per message. */
    record SendingCosts(String[] scenarios, String[] steps, Double[] costs) {
    }

    private static Revenues revenues(long n, double sum, double squares, java.sql.Array values, boolean resample)
            throws SQLException {
        if (!resample || n > MeanDifference.RESAMPLED_UP_TO) {
            return new Revenues(n, null, sum, squares);
        }
        double[] each = values == null ? new double[0]
                : Arrays.stream((Double[]) values.getArray()).mapToDouble(Double::doubleValue).toArray();
        return Revenues.of(n, each);
    }
}
