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

    public static final String ENTERED = "entered";
    public static final String SENT = "sent";
    public static final String HELD_OUT = "held_out";
    public static final String CAPPED = "capped";
    public static final String FAILED = "failed";
    public static final String INVITED = "invited";
    public static final String CONVERTED = "converted";
    public static final String SUPPRESSED = "suppressed";
    public static final String ERASED = "erased";
    public static final String EXITED = "exited";

    private Journal() {
    }

    public static void add(Connection c, EnrollmentRow e, String stepId, String kind, Instant at, BigDecimal amount)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO journal (enrollment_id, scenario_id, step_id, variant, holdout, kind, at, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, e.enrollmentId());
            ps.setString(2, e.scenarioId());
            ps.setString(3, stepId);
            ps.setString(4, e.variant());
            ps.setBoolean(5, e.holdout());
            ps.setString(6, kind);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setBigDecimal(8, amount);
            ps.executeUpdate();
        }
    }
}
