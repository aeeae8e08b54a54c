package io.rekindle.messaging.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.messaging.template.Channel;

/**
 * The queue messages form: due at {@code due_at}, claimed by any replica's worker with FOR UPDATE SKIP LOCKED under a
 * lease that a crashed worker's claims outlive.
 */
@ApplicationScoped
public class MessageQueue {

    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    MessageQueue(DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
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
                    when_capped, state, attempts, traceparent, repeat_intended, offer_id, offer_site_only
                FROM claimed ORDER BY was_due, customer_id, idempotency_key""")) {
            // To the microsecond, as PostgreSQL keeps it: the claim is recognised by it (see holdLease).
            Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
            ps.setTimestamp(3, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new QueuedMessage(rs.getString("message_id"),
                            Channel.valueOf(rs.getString("channel").toUpperCase()), rs.getString("customer_id"),
                            rs.getString("recipient"), rs.getString("template_id"), rs.getString("locale"),
                            mapper.readValue(rs.getString("variables"), VARIABLES),
                            Category.valueOf(rs.getString("category").toUpperCase()),
                            WhenCapped.valueOf(rs.getString("when_capped").toUpperCase()),
                            MessageState.of(rs.getString("state")),
                            rs.getInt("attempts"), until, rs.getString("traceparent"),
                            rs.getBoolean("repeat_intended"), rs.getString("offer_id"),
                            rs.getBoolean("offer_site_only")));
                }
            }
            return claimed;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Renews this worker's claims on messages just before they are sent; answers the ids still held. A message whose
     * lease ran out may have been claimed by another worker since: that one sends it, this one must not. Joins the
     * caller's transaction.
     */
    public Set<String> holdLeases(Connection c, List<QueuedMessage> claimed, Duration lease)
            throws SQLException {
        Set<String> held = new HashSet<>();
        if (claimed.isEmpty()) {
            return held;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE message m SET due_at = ? FROM unnest(?::text[], "
                + "?::text[]) AS h(id, until) WHERE m.message_id = h.id AND m.due_at = h.until::timestamptz "
                + "RETURNING m.message_id")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().plus(lease).truncatedTo(
                    ChronoUnit.MICROS)));
            ps.setArray(2, c.createArrayOf("text", claimed.stream().map(QueuedMessage::id).toArray()));
            ps.setArray(3, c.createArrayOf("text", claimed.stream().map(m -> m.leasedUntil().toString()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString("message_id"));
                }
            }
        }
        return held;
    }

    /** Puts messages back in the queue, each due at its time, without a new state; joins the caller's transaction. */
    public void dueAgain(Connection c, Map<String, Instant> dueAt) throws SQLException {
        if (dueAt.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE message m SET due_at = d.due::timestamptz, "
                + "claimed = false FROM unnest(?::text[], ?::text[]) AS d(id, due) WHERE m.message_id = d.id")) {
            ps.setArray(1, c.createArrayOf("text", dueAt.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("text", dueAt.values().stream().map(Instant::toString).toArray()));
            ps.executeUpdate();
        }
    }
}
