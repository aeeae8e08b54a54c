package io.rekindle.scenario.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.rekindle.scenario.config.ScenarioConfig;
import io.rekindle.scenario.scenario.Step;

/** Each group's margins per customer (whole when small enough to resample), and the treatment's costs in all. */
record MarginFigures(Revenues treatment, Revenues holdout, double discount, double sendingCost) {

    /**
     * Per measured customer: the conversion's revenue in the window, minus the discounts on their orders in the window
     * (from the purchase signals), minus the cost of the messages the scenario sent them (per step, by its channel).
     */
    static MarginFigures read(Connection c, String scenarioId, Duration window, Timestamp closedBefore,
            List<Step> definedSteps, ScenarioConfig.SendCost sendCost) throws SQLException {
        List<String> stepIds = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        for (Step step : definedSteps) {
            if (step.channel() != null) {
                stepIds.add(step.id());
                costs.add(sendCost.of(step.channel()));
            }
        }
        Revenues[] groups = new Revenues[2];
        double discount = 0;
        double sendingCost = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                WITH e AS (
                    SELECT enrollment_id, customer_id, holdout, entered_at,
                           CASE WHEN converted_at IS NOT NULL AND converted_at <= entered_at + make_interval(secs => ?)
                                THEN coalesce(revenue, 0) ELSE 0 END AS revenue
                    FROM enrollment WHERE scenario_id = ? AND entered_at <= ?),
                costs AS (SELECT * FROM unnest(?::text[], ?::float8[]) AS k(step_id, cost)),
                sent AS (
                    SELECT j.enrollment_id, sum(k.cost) AS cost FROM journal j JOIN costs k ON k.step_id = j.step_id
                    WHERE j.scenario_id = ? AND j.kind = 'sent' GROUP BY j.enrollment_id),
                discounted AS (
                    SELECT e.enrollment_id, sum((s.properties ->> 'discount')::numeric) AS discount FROM e
                    JOIN signal s ON s.customer_id = e.customer_id AND s.type = 'purchased'
                        AND s.properties ->> 'discount' IS NOT NULL
                        AND s.occurred_at >= e.entered_at AND s.occurred_at <= e.entered_at + make_interval(secs => ?)
                    GROUP BY e.enrollment_id),
                margins AS (
                    SELECT e.holdout, coalesce(d.discount, 0)::float8 AS discount, coalesce(x.cost, 0)::float8 AS cost,
                           (e.revenue - coalesce(d.discount, 0))::float8 - coalesce(x.cost, 0) AS margin
                    FROM e LEFT JOIN sent x ON x.enrollment_id = e.enrollment_id
                    LEFT JOIN discounted d ON d.enrollment_id = e.enrollment_id)
                SELECT holdout, count(*) AS customers, sum(margin) AS total, sum(margin * margin) AS squares,
                       sum(discount) AS discount, sum(cost) AS cost,
                       CASE WHEN count(*) <= ? THEN array_agg(margin) END AS margins
                FROM margins GROUP BY holdout""")) {
            ps.setDouble(1, window.toSeconds());
            ps.setString(2, scenarioId);
            ps.setTimestamp(3, closedBefore);
            ps.setArray(4, c.createArrayOf("text", stepIds.toArray()));
            ps.setArray(5, c.createArrayOf("float8", costs.toArray()));
            ps.setString(6, scenarioId);
            ps.setDouble(7, window.toSeconds());
            ps.setInt(8, MeanDifference.RESAMPLED_UP_TO);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int g = rs.getBoolean("holdout") ? 1 : 0;
                    java.sql.Array values = rs.getArray("margins");
                    groups[g] = values == null
                            ? new Revenues(rs.getLong("customers"), null, rs.getDouble("total"), rs.getDouble("squares"))
                            : Revenues.of(rs.getLong("customers"), java.util.Arrays.stream((Double[]) values.getArray())
                                    .mapToDouble(Double::doubleValue).toArray());
                    if (g == 0) {
                        discount = rs.getDouble("discount");
                        sendingCost = rs.getDouble("cost");
                    }
                }
            }
        }
        Revenues none = new Revenues(0, new double[0], 0, 0);
        return new MarginFigures(groups[0] == null ? none : groups[0], groups[1] == null ? none : groups[1], discount,
                sendingCost);
    }

}
