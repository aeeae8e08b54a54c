package io.rekindle.segment.subscriptions;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.segment.segments.Memberships;

/** Stored subscriptions, their cursors and their delivery state. */
@ApplicationScoped
public class Subscriptions {

    private static final String COLUMNS = "subscription_id, callback_url, segment_ids, cursor, attempts, "
            + "next_attempt_at, last_error, last_delivered_at, created_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription leased for one delivery. */
    public record Claim(String id, String callbackUrl, List<String> segments, String authorization, String secret,
            long cursor, int attempts) {
    }

    /** The outcome of {@link #subscribe}: the subscription and whether it was new. */
    public record Subscribed(Subscription subscription, boolean created) {
    }

    private final DataSource dataSource;
    private final Memberships memberships;
    private final Clock clock;

    Subscriptions(DataSource dataSource, Memberships memberships, Clock clock) {
        this.dataSource = dataSource;
        this.memberships = memberships;
        this.clock = clock;
    }

    /**
     * Creates the subscription for this callback URL, or updates the one that exists (its segments and
     * authorization; it keeps its cursor), so a subscriber can repeat the call at every start.
     */
    @Transactional
    public Subscribed subscribe(SubscriptionRequest request) {
        Timestamp now = Timestamp.from(clock.instant());
        String secret = HexFormat.of().formatHex(bytes(32));
        long start = "beginning".equals(request.from()) ? 0 : memberships.latestCursor();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO subscription (subscription_id, callback_url, segment_ids, authorization_header,
                    signing_secret, cursor, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (callback_url) DO UPDATE SET segment_ids = excluded.segment_ids,
                    authorization_header = excluded.authorization_header
                RETURNING subscription_id, (xmax = 0) AS created""")) {
            ps.setString(1, "sub-" + UUID.randomUUID());
            ps.setString(2, request.callbackUrl());
            ps.setArray(3, c.createArrayOf("text", request.segments().stream().distinct().toArray()));
            ps.setString(4, request.authorization());
            ps.setString(5, secret);
            ps.setLong(6, start);
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Subscription stored = find(rs.getString("subscription_id")).orElseThrow();
                boolean created = rs.getBoolean("created");
                return new Subscribed(created ? stored.withSigningSecret(secret) : stored, created);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public Optional<Subscription> find(String id) {
        return query("WHERE subscription_id = ?", id).stream().findFirst();
    }

    public List<Subscription> all() {
        return query("ORDER BY created_at, subscription_id", null);
    }

    @Transactional
    public boolean delete(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE subscription_id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leases the subscription due longest, if any, so no other replica delivers to it meanwhile. */
    @Transactional
    public Optional<Claim> claimDue(Duration lease) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE subscription SET leased_until = ? WHERE subscription_id = (
                    SELECT subscription_id FROM subscription
                    WHERE next_attempt_at <= ? AND (leased_until IS NULL OR leased_until < ?)
                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING subscription_id, callback_url, segment_ids, authorization_header, signing_secret, cursor,
                    attempts""")) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claim(rs.getString("subscription_id"), rs.getString("callback_url"),
                        strings(rs.getArray("segment_ids")), rs.getString("authorization_header"),
                        rs.getString("signing_secret"), rs.getLong("cursor"), rs.getInt("attempts")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records an acknowledged delivery up to {@code cursor}; the subscription is due again after {@code wait}. */
    @Transactional
    public void acknowledged(String id, long cursor, Duration wait) {
        Instant now = clock.instant();
        update("""
                UPDATE subscription SET cursor = greatest(cursor, ?), attempts = 0, last_error = NULL,
                    last_delivered_at = CASE WHEN ? > cursor THEN ? ELSE last_delivered_at END,
                    next_attempt_at = ?, leased_until = NULL WHERE subscription_id = ?""",
                cursor, cursor, Timestamp.from(now), Timestamp.from(now.plus(wait)), id);
    }

    /** Records a failed delivery; the same changes are tried again after {@code wait}. */
    @Transactional
    public void failed(String id, String error, Duration wait) {
        update("""
                UPDATE subscription SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                    leased_until = NULL WHERE subscription_id = ?""",
                error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(clock.instant().plus(wait)),
                id);
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Subscription> query(String where, String parameter) {
        List<Subscription> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM subscription " + where)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Subscription(rs.getString("subscription_id"), rs.getString("callback_url"),
                            strings(rs.getArray("segment_ids")), Long.toString(rs.getLong("cursor")),
                            rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                            rs.getString("last_error"), instant(rs.getTimestamp("last_delivered_at")),
                            instant(rs.getTimestamp("created_at")), null));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
