package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads the signals received for a customer: did this happen since then? */
@ApplicationScoped
public class SignalLog {

    private final DataSource dataSource;

    SignalLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether one of {@code types} happened at or after {@code since}, unattributed or attributed to this scenario. */
    public boolean seen(String customerId, List<String> types, Instant since, String scenarioId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM signal WHERE customer_id = ? AND type = ANY (?) AND occurred_at >= ?
                  AND (attribution ->> 'scenario' IS NULL OR attribution ->> 'scenario' = ?) LIMIT 1""")) {
            ps.setString(1, customerId);
            ps.setArray(2, c.createArrayOf("text", types.toArray()));
            ps.setTimestamp(3, Timestamp.from(since));
            ps.setString(4, scenarioId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
