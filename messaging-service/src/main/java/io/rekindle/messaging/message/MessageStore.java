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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.rekindle.platform.jdbc.UnnestColumns;
import io.rekindle.platform.tracing.Traces;


/**
 * Messages and their state history: accepted under their idempotency keys, moved from state to state. The queue they
 * form is {@link MessageQueue}; what callers read of them, {@link MessageViews}.
 */
@ApplicationScoped
public class MessageStore {

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final Clock clock;
    private final Traces traces;

    MessageStore(DataSource dataSource, ObjectMapper mapper, Clock clock, Traces traces) {
        this.traces = traces;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
    }

    /** The outcome of {@link #acceptAll}: the message id and whether this call created it. */
    public record Accepted(String messageId, boolean created) {
    }

    /** A message to queue under its idempotency key; {@code broadcastId} when a broadcast queues it. */
    public record Keyed(String key, SendRequest request, String broadcastId) {

        public Keyed(String key, SendRequest request) {
            this(key, request, null);
        }
    }

    /** A message moving to a state; {@code due} is when a worker acts on it next (null: final). */
    public record Transition(String messageId, MessageState state, Instant due, String detail) {
    }

    /** {@link #acceptAll} for one message. */
    @Transactional
    public Accepted accept(String key, SendRequest request) {
        return acceptAll(List.of(new Keyed(key, request))).get(0);
    }

    /**
     * Queues each message under its idempotency key, or answers the message already queued under it; all or none.
     * Answers in the order asked.
     *
     * @throws IdempotencyConflictException when a key was used for a different request
     */
    @Transactional
    public List<Accepted> acceptAll(List<Keyed> items) {
        Instant now = clock.instant();
        int n = items.size();
        UnnestColumns rows = new UnnestColumns(n, "message_id", "idempotency_key", "request_hash", "channel",
                "customer_id", "recipient", "template_id", "locale", "variables", "category", "attribution",
                "when_capped", "due_at", "traceparent", "repeat_intended", "broadcast_id", "offer_id",
                "offer_site_only");
        String traceparent = traces.current();
        for (int i = 0; i < n; i++) {
            SendRequest r = items.get(i).request();
            rows.set(i, "message_id", UUID.randomUUID().toString());
            rows.set(i, "idempotency_key", items.get(i).key());
            rows.set(i, "request_hash", fingerprint(r));
            rows.set(i, "channel", lower(r.channel()));
            rows.set(i, "customer_id", r.customerId());
            rows.set(i, "recipient", r.recipient());
            rows.set(i, "template_id", r.template());
            rows.set(i, "locale", r.locale());
            rows.set(i, "variables", json(r.variables() == null ? Map.of() : r.variables()));
            rows.set(i, "category", lower(r.category()));
            rows.set(i, "attribution", json(r.attribution() == null ? new Attribution(null, null, null)
                    : r.attribution()));
            rows.set(i, "when_capped", r.whenCapped() == WhenCapped.DROP ? "drop" : "defer");
            rows.set(i, "due_at", dueAt(r, now).toString());
            rows.set(i, "traceparent", traceparent);
            rows.set(i, "repeat_intended", String.valueOf(Boolean.TRUE.equals(r.repeatIntended())));
            rows.set(i, "broadcast_id", items.get(i).broadcastId());
            rows.set(i, "offer_id", r.offer());
            rows.set(i, "offer_site_only", String.valueOf(Boolean.TRUE.equals(r.offerSiteOnly())));
        }
        try (Connection c = dataSource.getConnection()) {
            java.util.Set<String> created = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO message (message_id, idempotency_key, request_hash, channel, customer_id, recipient,
                        template_id, locale, variables, category, attribution, when_capped, state, due_at,
                        created_at, updated_at, traceparent, repeat_intended, broadcast_id, offer_id,
                        offer_site_only)
                    SELECT message_id, idempotency_key, request_hash, channel, customer_id, recipient, template_id,
                        locale, variables::jsonb, category, attribution::jsonb, when_capped, 'queued',
                        due_at::timestamptz, ?, ?, traceparent, repeat_intended::boolean, broadcast_id, offer_id,
                        offer_site_only::boolean
                    FROM %s
                    ORDER BY n
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING message_id""".formatted(rows.unnest()))) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                rows.bind(ps, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        created.add(rs.getString(1));
                    }
                }
            }
            List<Transition> queued = new ArrayList<>();
            Map<String, String[]> earlier = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                String id = rows.get(i, "message_id");
                if (created.contains(id)) {
                    Instant due = Instant.parse(rows.get(i, "due_at"));
                    queued.add(new Transition(id, MessageState.QUEUED, due, due.isAfter(now) ? "send at " + due : null));
                } else {
                    earlier.put(rows.get(i, "idempotency_key"), null);
                }
            }
            history(c, queued, now);
            if (!earlier.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT idempotency_key, message_id, request_hash FROM message WHERE idempotency_key = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("text", earlier.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            earlier.put(rs.getString("idempotency_key"),
                                    new String[] { rs.getString("message_id"), rs.getString("request_hash") });
                        }
                    }
                }
            }
            List<Accepted> accepted = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = rows.get(i, "message_id");
                if (created.contains(id)) {
                    accepted.add(new Accepted(id, true));
                    continue;
                }
                String key = rows.get(i, "idempotency_key");
                String[] existing = earlier.get(key);
                if (!existing[1].equals(rows.get(i, "request_hash"))) {
                    throw new IdempotencyConflictException(key);
                }
                accepted.add(new Accepted(existing[0], false));
            }
            return accepted;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant dueAt(SendRequest request, Instant now) {
        return request.sendAt() != null && request.sendAt().isAfter(now) ? request.sendAt() : now;
    }

    /**
     * Moves messages to states, each message ending in its last transition here, every one kept in the history in
     * this order. Joins the caller's transaction.
     */
    public void transitionAll(Connection c, List<Transition> transitions) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Transition> last = new java.util.LinkedHashMap<>();
        transitions.forEach(t -> last.put(t.messageId(), t));
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE message m SET state = t.state, due_at = t.due::timestamptz, detail = t.detail, updated_at = ?,
                    claimed = false
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS t(id, state, due, detail)
                WHERE m.message_id = t.id""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", last.values().stream().map(Transition::messageId).toArray()));
            ps.setArray(3, c.createArrayOf("text", last.values().stream().map(t -> t.state().value()).toArray()));
            ps.setArray(4, c.createArrayOf("text", last.values().stream()
                    .map(t -> t.due() == null ? null : t.due().toString()).toArray()));
            ps.setArray(5, c.createArrayOf("text", last.values().stream().map(Transition::detail).toArray()));
            ps.executeUpdate();
        }
        history(c, transitions, now);
    }

    /** A provider's acceptance of a message, with the provider's id for it. */
    public record Sent(String messageId, String providerMessageId) {
    }

    /**
     * Records providers' acceptances: state sent, the provider's id, nothing more to do; one update of each row.
     * Joins the transaction.
     */
    public void sentAll(Connection c, List<Sent> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE message m SET state = 'sent', provider_message_id = s.provider_id, due_at = NULL, detail = NULL,
                    updated_at = ?, claimed = false
                FROM unnest(?::text[], ?::text[]) AS s(id, provider_id) WHERE m.message_id = s.id""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", sent.stream().map(Sent::messageId).toArray()));
            ps.setArray(3, c.createArrayOf("text", sent.stream().map(Sent::providerMessageId).toArray()));
            ps.executeUpdate();
        }
        history(c, sent.stream().map(s -> new Transition(s.messageId(), MessageState.SENT, null, null)).toList(), now);
    }

    private static void history(Connection c, List<Transition> transitions, Instant at) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO message_state (message_id, state, at, detail)
                SELECT id, state, ?, detail FROM unnest(?::text[], ?::text[], ?::text[])
                    WITH ORDINALITY AS t(id, state, detail, n)
                ORDER BY n""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("text", transitions.stream().map(Transition::messageId).toArray()));
            ps.setArray(3, c.createArrayOf("text", transitions.stream().map(t -> t.state().value()).toArray()));
            ps.setArray(4, c.createArrayOf("text", transitions.stream().map(Transition::detail).toArray()));
            ps.executeUpdate();
        }
    }

    /** The SHA-256 of a request's canonical JSON: how an idempotency key recognises the same request again. */
    public String fingerprint(Object request) {
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

}
