package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Enrollments as the API shows them. */
@ApplicationScoped
public class EnrollmentViews {

    private final DataSource dataSource;

    EnrollmentViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A scenario's enrollments, newest first; one customer's when {@code customerId} is given. */
    public List<EnrollmentView> list(String scenarioId, String customerId, int limit) {
        String sql = """
                SELECT enrollment_id, scenario_id, version, customer_id, entry_key, holdout, variant, state, outcome,
                       current_step, due_at, entered_at, ended_at, converted_at, revenue
                FROM enrollment WHERE scenario_id = ?""" + (customerId == null ? "" : " AND customer_id = ?")
                + " ORDER BY entered_at DESC, enrollment_id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, scenarioId);
            if (customerId != null) {
                ps.setString(i++, customerId);
            }
            ps.setInt(i, limit);
            List<EnrollmentView> views = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    views.add(view(rs));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EnrollmentView view(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new EnrollmentView(rs.getString("enrollment_id"), rs.getString("scenario_id"), rs.getInt("version"),
                rs.getString("customer_id"), rs.getString("entry_key"), rs.getBoolean("holdout"),
                rs.getString("variant"), EnrollmentState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                outcome == null ? null : Outcome.of(outcome), rs.getString("current_step"),
                instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("entered_at")),
                instant(rs.getTimestamp("ended_at")), instant(rs.getTimestamp("converted_at")),
                rs.getBigDecimal("revenue"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
