package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads the signals received for a customer: did this happen since then? */
@ApplicationScoped
public class SignalLog {

    private final DataSource dataSource;

    SignalLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An order placed at or after {@code since}, as segment-service signalled it. */
    public record Purchase(Instant at, BigDecimal total) {
    }

    /**
     * The first order since {@code since} for this key (its {@code keyName} property, such as cartId, equal to
     * {@code key}) or for no key at all: a storefront that does not say which cart an order came from ends every cart
     * journey with it rather than mailing a buyer about their cart.
     */
    public Optional<Purchase> purchaseFor(String customerId, String keyName, String key, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT occurred_at, properties ->> 'total' AS total FROM signal
                WHERE customer_id = ? AND type = 'purchased' AND occurred_at >= ?
                  AND (properties ->> ? IS NULL OR properties ->> ? = ?) ORDER BY occurred_at LIMIT 1""")) {
            ps.setString(1, customerId);
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setString(3, keyName);
            ps.setString(4, keyName);
            ps.setString(5, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String total = rs.getString("total");
                return Optional.of(new Purchase(rs.getTimestamp("occurred_at").toInstant(),
                        total == null ? null : new BigDecimal(total)));
            }
        } catch (SQLException | NumberFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether one of {@code types} happened at or after {@code since}, or reached us since then (providers stamp
     * events to the second and their clocks are not ours: an open right after the send may carry an earlier time),
     * unattributed or attributed to this scenario.
     */
    public boolean seen(String customerId, List<String> types, Instant since, String scenarioId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM signal WHERE customer_id = ? AND type = ANY (?) AND (occurred_at >= ? OR received_at >= ?)
                  AND (attribution ->> 'scenario' IS NULL OR attribution ->> 'scenario' = ?) LIMIT 1""")) {
            ps.setString(1, customerId);
            ps.setArray(2, c.createArrayOf("text", types.toArray()));
            ps.setTimestamp(3, Timestamp.from(since));
            ps.setTimestamp(4, Timestamp.from(since));
            ps.setString(5, scenarioId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
