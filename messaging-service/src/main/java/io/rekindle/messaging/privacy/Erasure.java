package io.rekindle.messaging.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.messaging.config.MessagingConfig;
import io.rekindle.platform.outbox.Outbox;
import io.rekindle.messaging.suppression.Suppressions;
import io.rekindle.messaging.template.Channel;

/**
 * Forgets a customer: their addresses become salted hashes on the erased list (so nothing is ever sent to them again,
 * even from work queued before), queued messages are suppressed, and messages, engagement events, suppressions
 * (also those made by address alone, found by the hashes segment-service sends), offer redemptions and queued
 * outbox rows keep no address, variables, order or customer id of theirs. What arrives later about them is stored pseudonymised
 * ({@code EngagementEvents}, {@code Suppressions#suppress}).
 */
@ApplicationScoped
public class Erasure {

    /** An erased customer's id becomes this prefix and a salted hash, in messages and events. */
    public static final String PSEUDONYM_PREFIX = "erased:";

    private final DataSource dataSource;
    private final Suppressions suppressions;
    private final Outbox outbox;
    private final Clock clock;
    private final String salt;

    Erasure(DataSource dataSource, Suppressions suppressions, Outbox outbox, Clock clock,
            MessagingConfig config) {
        this.salt = config.erasure().salt();
        this.dataSource = dataSource;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param addressHashes the customer's addresses by channel, as hashes, when segment-service knew them */
    @Transactional
    public void erase(String customerId, java.util.Map<String, String> addressHashes) {
        Timestamp now = Timestamp.from(clock.instant());
        String pseudonym = PSEUDONYM_PREFIX + suppressions.saltedHash(customerId);
        try (Connection c = dataSource.getConnection()) {
            for (String[] address : addresses(c, customerId)) {
                Channel channel = Channel.valueOf(address[0].toUpperCase());
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO erased_address (channel, address_hash, "
                        + "erased_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, address[0]);
                    ps.setString(2, suppressions.hash(channel, address[1]));
                    ps.setTimestamp(3, now);
                    ps.executeUpdate();
                }
                run(c, "DELETE FROM suppression WHERE channel = ? AND address = ?", address[0],
                        Suppressions.normalise(channel, address[1]));
            }
            run(c, "INSERT INTO message_state (message_id, state, at, detail) SELECT message_id, 'suppressed', ?, "
                    + "'customer erased' FROM message WHERE customer_id = ? AND due_at IS NOT NULL", now, customerId);
            run(c, "UPDATE message SET state = 'suppressed', due_at = NULL, detail = 'customer erased' "
                    + "WHERE customer_id = ? AND due_at IS NOT NULL", customerId);
            run(c, "UPDATE engagement_event SET address = NULL, url = NULL, detail = NULL, customer_id = ? "
                    + "WHERE customer_id = ? OR message_id IN (SELECT message_id FROM message WHERE customer_id = ?)",
                    pseudonym, customerId, customerId);
            run(c, "UPDATE message SET recipient = NULL, variables = '{}'::jsonb, customer_id = ? WHERE customer_id = ?",
                    pseudonym, customerId);
            // Redemptions keep their amounts for the offers' figures, under pseudonyms for the customer and the order.
            run(c, "UPDATE offer_redemption SET customer_id = ?, order_id = 'erased:' || "
                    + "encode(sha256(convert_to(? || '|' || order_id, 'UTF8')), 'hex') WHERE customer_id = ?",
                    pseudonym, salt, customerId);
            if (addressHashes != null) {
                for (var hashed : addressHashes.entrySet()) {
                    eraseHashed(c, hashed.getKey(), hashed.getValue(), now);
                }
            }
            outbox.forget(c, customerId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An address known only by its hash (an erased customer's email or number, as segment-service sends it): on the
     * erased list, and gone from suppressions and events made by address alone (a manual suppression, an SMS STOP),
     * whose addresses are hashed here the way {@link Suppressions#hash} does, in SQL.
     */
    private void eraseHashed(Connection c, String channel, String hash, Timestamp now) throws SQLException {
        run(c, "INSERT INTO erased_address (channel, address_hash, erased_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                channel, hash, now);
        String matches = " WHERE channel = ? AND encode(sha256(convert_to(? || '|' || address, 'UTF8')), 'hex') = ?";
        run(c, "DELETE FROM suppression" + matches, channel, salt, hash);
        run(c, "UPDATE engagement_event SET address = NULL, url = NULL, detail = NULL" + matches, channel, salt, hash);
    }

    /** Every address the customer's messages and events used, as (channel, address). */
    private static Set<String[]> addresses(Connection c, String customerId) throws SQLException {
        Set<String> seen = new LinkedHashSet<>();
        Set<String[]> addresses = new java.util.LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT channel, recipient AS address FROM message WHERE customer_id = ? AND recipient IS NOT NULL
                UNION SELECT channel, address FROM engagement_event WHERE customer_id = ? AND address IS NOT NULL""")) {
            ps.setString(1, customerId);
            ps.setString(2, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString("channel");
                    String address = rs.getString("address");
                    if (seen.add(channel + "|" + address)) {
                        addresses.add(new String[] {channel, address});
                    }
                }
            }
        }
        return addresses;
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
