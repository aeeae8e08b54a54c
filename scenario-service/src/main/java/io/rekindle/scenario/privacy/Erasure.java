package io.rekindle.scenario.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.scenario.config.ScenarioConfig;


/**
 * Forgets a customer: running journeys end (outcome erased), their signals (API triggers included) and the frequency-cap slot go, and the
 * enrollments kept for the reports carry a salted hash instead of the id, so the counts stay right and a customer who
 * registers again later starts fresh.
 */
@ApplicationScoped
public class Erasure {

    private final DataSource dataSource;
    private final Clock clock;
    private final String salt;

    Erasure(DataSource dataSource, Clock clock, ScenarioConfig config) {
        String salt = config.assignmentSalt();
        this.dataSource = dataSource;
        this.clock = clock;
        this.salt = salt;
    }

    @Transactional
    public void erase(String customerId) {
        String pseudonym = "erased:" + hash(customerId);
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            run(c, "UPDATE enrollment SET state = 'ended', outcome = 'erased', ended_at = ?, due_at = NULL, "
                    + "measure_at = NULL, leased_until = NULL, variables = '{}'::jsonb "
                    + "WHERE customer_id = ? AND state = 'active'", now, customerId);
            run(c, "UPDATE enrollment SET customer_id = ?, entry_key = enrollment_id, variables = '{}'::jsonb "
                    + "WHERE customer_id = ?", pseudonym, customerId);
            run(c, "DELETE FROM signal WHERE customer_id = ?", customerId);
            run(c, "DELETE FROM contact WHERE customer_id = ?", customerId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(String customerId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((salt + "|" + customerId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
