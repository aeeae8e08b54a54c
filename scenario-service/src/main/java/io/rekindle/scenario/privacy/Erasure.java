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
 * Forgets a customer: running journeys end (outcome erased), their signals (API triggers included) and the
 * frequency-cap slot go, and what the reports keep (enrollments, program membership, purchases reduced to their
 * amounts) carries a salted hash instead of the id, so the figures stay right and a customer who registers again
 * later starts fresh.
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
            // Purchases stay as amounts under the pseudonym (as enrollments keep theirs): the program report counts
            // the revenue the customer brought before leaving, in whichever group they were.
            run(c, "UPDATE signal SET signal_id = ? || ':' || md5(signal_id), customer_id = ?, attribution = '{}', "
                    + "properties = jsonb_strip_nulls(jsonb_build_object('total', properties -> 'total', 'discount', "
                    + "properties -> 'discount', 'currency', properties -> 'currency')) "
                    + "WHERE customer_id = ? AND type = 'purchased' AND NOT EXISTS (SELECT 1 FROM signal o "
                    + "WHERE o.signal_id = ? || ':' || md5(signal.signal_id))", pseudonym, pseudonym, customerId,
                    pseudonym);
            run(c, "DELETE FROM signal WHERE customer_id = ?", customerId);
            run(c, "DELETE FROM program_member WHERE customer_id = ? AND EXISTS "
                    + "(SELECT 1 FROM program_member WHERE customer_id = ?)", customerId, pseudonym);
            run(c, "UPDATE program_member SET customer_id = ? WHERE customer_id = ?", pseudonym, customerId);
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
