package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.rekindle.scenario.config.ScenarioConfig;

/**
 * The program-wide holdout: a share of customers ({@code rekindle.scenarios.program-holdout}) kept out of every
 * scenario that is not transactional, so the whole program can be measured against them. A customer joins the
 * program's figures, on one side or the other, the first time they would enter such a scenario; the side comes from
 * the salted hash of the customer alone, so it is the same in every scenario and on every replica.
 */
@ApplicationScoped
public class ProgramHoldout {

    private final Assignment assignment;
    private final double share;

    @Inject
    ProgramHoldout(Assignment assignment, ScenarioConfig config) {
        this(assignment, config.programHoldout());
    }

    ProgramHoldout(Assignment assignment, double share) {
        if (share < 0 || share > 0.5) {
            throw new IllegalArgumentException("rekindle.scenarios.program-holdout must be between 0 and 0.5, not "
                    + share);
        }
        this.assignment = assignment;
        this.share = share;
    }

    /**
     * Whether the program holds this customer out; records their first entry either way (when the holdout is on). A
     * customer keeps the side first recorded, so changing the share moves only customers who join afterwards.
     */
    boolean keepsOut(Connection c, String customerId, Instant now) throws SQLException {
        if (share == 0) {
            return false;
        }
        boolean heldOut = assignment.programHoldout(customerId, share);
        try (PreparedStatement ps = c.prepareStatement("""
                WITH joined AS (
                    INSERT INTO program_member (customer_id, held_out, joined_at) VALUES (?, ?, ?)
                    ON CONFLICT (customer_id) DO NOTHING RETURNING held_out)
                SELECT held_out FROM joined UNION ALL SELECT held_out FROM program_member WHERE customer_id = ?""")) {
            ps.setString(1, customerId);
            ps.setBoolean(2, heldOut);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : heldOut;
            }
        }
    }
}
