package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Appends what happened to an enrollment, in the transaction that made it happen; the report counts these. An
 * enrollment that ends otherwise than finished or converted journals its outcome (unsubscribed, rfm_floor, gone...).
 */
public final class Journal {

    private Journal() {
    }

    public static void add(Connection c, EnrollmentRow e, String stepId, JournalKind kind, Instant at, BigDecimal amount)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO journal (enrollment_id, scenario_id, step_id, variant, holdout, kind, at, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, e.enrollmentId());
            ps.setString(2, e.scenarioId());
            ps.setString(3, stepId);
            ps.setString(4, e.variant());
            ps.setBoolean(5, e.holdout());
            ps.setString(6, kind.value());
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setBigDecimal(8, amount);
            ps.executeUpdate();
        }
    }
}
