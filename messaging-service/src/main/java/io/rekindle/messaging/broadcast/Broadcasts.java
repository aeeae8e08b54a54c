package io.rekindle.messaging.broadcast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.messaging.message.Attribution;
import io.rekindle.messaging.message.IdempotencyConflictException;
import io.rekindle.messaging.message.MessageState;
import io.rekindle.messaging.message.MessageStore;
import io.rekindle.messaging.message.SendRequest;

/**
 * Broadcasts: stored under their idempotency key, then one message per customer of the audience queued in chunks,
 * each under broadcast:<id>:<customer>. A request that failed halfway (a crash, a timeout) is simply sent again: the
 * same key resumes the same broadcast, and the customers already queued are answered by their keys.
 */
@ApplicationScoped
public class Broadcasts {

    /** "broadcast" in a message's attribution, the broadcast's id as its step. */
    public static final String ATTRIBUTION = "broadcast";

    private static final int CHUNK = 1_000;

    private final DataSource dataSource;
    private final MessageStore messages;
    private final ObjectMapper mapper;
    private final Clock clock;

    Broadcasts(DataSource dataSource, MessageStore messages, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.messages = messages;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The outcome of {@link #create}: the broadcast, and whether this call created it. */
    public record Created(BroadcastView broadcast, boolean created) {
    }

    /**
     * Stores the broadcast (or finds it under the key) and queues whatever of it is not queued yet.
     *
     * @throws IdempotencyConflictException when the key was used for a different broadcast
     */
    public Created create(String key, BroadcastRequest request) {
        String hash = messages.fingerprint(request);
        String id = "bc-" + UUID.randomUUID();
        boolean created;
        Instant queuedAt;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO broadcast (broadcast_id, idempotency_key, request_hash, name, request, created_at)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (idempotency_key) DO NOTHING""")) {
                ps.setString(1, id);
                ps.setString(2, key);
                ps.setString(3, hash);
                ps.setString(4, request.name());
                ps.setString(5, mapper.valueToTree(request).toString());
                ps.setTimestamp(6, Timestamp.from(clock.instant()));
                created = ps.executeUpdate() == 1;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT broadcast_id, request_hash, queued_at FROM broadcast WHERE idempotency_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw new IdempotencyConflictException(key);
                    }
                    id = rs.getString("broadcast_id");
                    Timestamp queued = rs.getTimestamp("queued_at");
                    queuedAt = queued == null ? null : queued.toInstant();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (queuedAt == null) {
            queue(id, request);
        }
        return new Created(find(id).orElseThrow(), created);
    }

    private void queue(String id, BroadcastRequest request) {
        List<String> audience = audience(request.audience());
        BroadcastMessage m = request.message();
        Attribution attribution = new Attribution(ATTRIBUTION, id, null);
        for (int from = 0; from < audience.size(); from += CHUNK) {
            List<MessageStore.Keyed> chunk = new ArrayList<>();
            for (String customerId : audience.subList(from, Math.min(audience.size(), from + CHUNK))) {
                chunk.add(new MessageStore.Keyed("broadcast:" + id + ":" + customerId, new SendRequest(m.channel(),
                        customerId, null, m.template(), m.locale(), m.variables(), m.category(), attribution, null,
                        m.whenCapped(), null, null, null), id));
            }
            messages.acceptAll(chunk);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE broadcast SET audience_size = ?, queued_at = ? WHERE broadcast_id = ?")) {
            ps.setInt(1, audience.size());
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every customer a matching message was handed to within the window, each once, in id order. */
    List<String> audience(Audience a) {
        StringBuilder sql = new StringBuilder(
                "SELECT DISTINCT customer_id FROM message WHERE sent_at >= ? AND sent_at < ? AND state <> 'failed'");
        List<String> values = new ArrayList<>();
        if (a.template() != null) {
            sql.append(" AND template_id = ?");
            values.add(a.template());
        }
        if (a.scenario() != null) {
            sql.append(" AND attribution ->> 'scenario' = ?");
            values.add(a.scenario());
        }
        if (a.step() != null) {
            sql.append(" AND attribution ->> 'step' = ?");
            values.add(a.step());
        }
        sql.append(" ORDER BY customer_id");
        List<String> customers = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setTimestamp(1, Timestamp.from(a.from()));
            ps.setTimestamp(2, Timestamp.from(a.to()));
            for (int i = 0; i < values.size(); i++) {
                ps.setString(3 + i, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    customers.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return customers;
    }

    public Optional<BroadcastView> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            BroadcastRequest request;
            String name;
            Integer size;
            Instant createdAt;
            Instant queuedAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT name, request, audience_size, created_at, "
                    + "queued_at FROM broadcast WHERE broadcast_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    name = rs.getString("name");
                    request = mapper.readValue(rs.getString("request"), BroadcastRequest.class);
                    int n = rs.getInt("audience_size");
                    size = rs.wasNull() ? null : n;
                    createdAt = rs.getTimestamp("created_at").toInstant();
                    Timestamp queued = rs.getTimestamp("queued_at");
                    queuedAt = queued == null ? null : queued.toInstant();
                }
            }
            Map<String, Long> states = new LinkedHashMap<>();
            for (MessageState state : MessageState.values()) {
                states.put(state.value(), 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, count(*) FROM message WHERE broadcast_id = ? GROUP BY state")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        states.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return Optional.of(new BroadcastView(id, name, request.audience(), request.message(), size, createdAt,
                    queuedAt, states));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
