package io.rekindle.messaging.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.rekindle.messaging.template.Channel;

/** Messages, their state history, and the queue they form (due_at, claimed with FOR UPDATE SKIP LOCKED). */
@ApplicationScoped
public class MessageStore {

    private static final String VIEW_COLUMNS = "message_id, channel, customer_id, recipient, template_id, category, "
            + "attribution, state, due_at, sent_at, provider_message_id, detail, attempts, created_at";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final Clock clock;

    MessageStore(DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
    }

    /** The outcome of {@link #accept}: the message id and whether this call created it. */
    public record Accepted(String messageId, boolean created) {
    }

    /**
     * Queues the message under its idempotency key, or answers the message already queued under it.
     *
     * @throws IdempotencyConflictException when the key was used for a different request
     */
    @Transactional
    public Accepted accept(String key, SendRequest request) {
        String hash = fingerprint(request);
        Instant now = clock.instant();
        Instant due = request.sendAt() != null && request.sendAt().isAfter(now) ? request.sendAt() : now;
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO message (message_id, idempotency_key, request_hash, channel, customer_id, recipient,
                        template_id, locale, variables, category, attribution, when_capped, state, due_at,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, 'queued', ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING""")) {
                ps.setString(1, id);
                ps.setString(2, key);
                ps.setString(3, hash);
                ps.setString(4, lower(request.channel()));
                ps.setString(5, request.customerId());
                ps.setString(6, request.recipient());
                ps.setString(7, request.template());
                ps.setString(8, request.locale());
                ps.setString(9, json(request.variables() == null ? Map.of() : request.variables()));
                ps.setString(10, lower(request.category()));
                ps.setString(11, json(request.attribution() == null ? new Attribution(null, null, null)
                        : request.attribution()));
                ps.setString(12, request.whenCapped() == WhenCapped.DROP ? "drop" : "defer");
                ps.setTimestamp(13, Timestamp.from(due));
                ps.setTimestamp(14, Timestamp.from(now));
                ps.setTimestamp(15, Timestamp.from(now));
                if (ps.executeUpdate() == 1) {
                    history(c, id, "queued", now, request.sendAt() != null && due.isAfter(now) ? "send at " + due : null);
                    return new Accepted(id, true);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT message_id, request_hash FROM message WHERE idempotency_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getString(2).equals(hash)) {
                        throw new IdempotencyConflictException(key);
                    }
                    return new Accepted(rs.getString(1), false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<MessageView> find(String id) {
        return views("WHERE message_id = ?", id, 1).stream().findFirst();
    }

    public List<MessageView> byCustomer(String customerId, int limit) {
        return views("WHERE customer_id = ? ORDER BY created_at DESC, message_id", customerId, limit);
    }

    /**
     * Claims up to {@code limit} due messages for {@code lease}; a crashed worker's claims come due again after it.
     * Messages due at one moment go in customer order, each customer's by key: the same order on every run.
     */
    @Transactional
    public List<QueuedMessage> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        List<QueuedMessage> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH picked AS (
                    SELECT message_id, due_at FROM message WHERE due_at <= ?
                    ORDER BY due_at, customer_id, idempotency_key LIMIT ? FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE message m SET due_at = ?, claimed = true FROM picked p WHERE m.message_id = p.message_id
                    RETURNING p.due_at AS was_due, m.*)
                SELECT message_id, channel, customer_id, recipient, template_id, locale, variables, category,
                    when_capped, state, attempts
                FROM claimed ORDER BY was_due, customer_id, idempotency_key""")) {
            // To the microsecond, as PostgreSQL keeps it: the claim is recognised by it (see holdLease).
            Instant until = now.plus(lease).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
            ps.setTimestamp(3, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new QueuedMessage(rs.getString(1), Channel.valueOf(rs.getString(2).toUpperCase()),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            mapper.readValue(rs.getString(7), new TypeReference<Map<String, Object>>() {
                            }), Category.valueOf(rs.getString(8).toUpperCase()),
                            WhenCapped.valueOf(rs.getString(9).toUpperCase()), rs.getString(10), rs.getInt(11),
                            until));
                }
            }
            return claimed;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Renews this worker's claim on a message just before it is sent; false when the lease ran out and another worker
     * has claimed it since (that one sends it, this one must not). Joins the caller's transaction.
     */
    public boolean holdLease(Connection c, QueuedMessage m, Duration lease) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE message SET due_at = ? WHERE message_id = ? AND due_at = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().plus(lease).truncatedTo(
                    java.time.temporal.ChronoUnit.MICROS)));
            ps.setString(2, m.id());
            ps.setTimestamp(3, Timestamp.from(m.leasedUntil()));
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Moves a message to a state; {@code due} is when a worker acts on it next (null: final). Joins the caller's
     * transaction.
     */
    public void transition(Connection c, String id, String state, Instant due, String detail) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE message SET state = ?, due_at = ?, detail = ?, "
                + "updated_at = ?, claimed = false WHERE message_id = ?")) {
            ps.setString(1, state);
            ps.setTimestamp(2, due == null ? null : Timestamp.from(due));
            ps.setString(3, detail);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, id);
            ps.executeUpdate();
        }
        history(c, id, state, now, detail);
    }

    /** {@link #transition(Connection, String, String, Instant, String)} in a transaction of its own. */
    @Transactional
    public void transition(String id, String state, Instant due, String detail) {
        try (Connection c = dataSource.getConnection()) {
            transition(c, id, state, due, detail);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the provider's acceptance: state sent, the provider's id, nothing more to do. */
    @Transactional
    public void sent(String id, String providerMessageId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE message SET provider_message_id = ? WHERE message_id = ?")) {
                ps.setString(1, providerMessageId);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            transition(c, id, "sent", null, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void history(Connection c, String id, String state, Instant at, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO message_state (message_id, state, at, detail) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, state);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, detail);
            ps.executeUpdate();
        }
    }

    private List<MessageView> views(String where, String parameter, int limit) {
        List<MessageView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VIEW_COLUMNS + " FROM message " + where
                    + " LIMIT ?")) {
                ps.setString(1, parameter);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(8);
                        Timestamp due = rs.getTimestamp(9);
                        views.add(new MessageView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), mapper.readValue(rs.getString(7), Attribution.class),
                                state, "queued".equals(state) || "deferred".equals(state) ? instant(due) : null,
                                instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12), rs.getInt(13),
                                instant(rs.getTimestamp(14)), new ArrayList<>()));
                    }
                }
            }
            withHistories(c, views);
            return views;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills in the state histories of these messages with one query. */
    private static void withHistories(Connection c, List<MessageView> views) throws SQLException {
        if (views.isEmpty()) {
            return;
        }
        Map<String, List<StateChange>> byMessage = new java.util.HashMap<>();
        views.forEach(v -> byMessage.put(v.id(), v.history()));
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, state, at, detail FROM message_state "
                + "WHERE message_id = ANY (?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("text", byMessage.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMessage.get(rs.getString(1)).add(new StateChange(rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getString(4)));
                }
            }
        }
    }

    private String fingerprint(SendRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    canonical.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
