package io.rekindle.messaging.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.opentelemetry.api.trace.SpanKind;
import io.rekindle.messaging.config.MessagingConfig;
import io.rekindle.messaging.message.Attribution;
import io.rekindle.messaging.message.MessageState;
import io.rekindle.messaging.message.MessageStore;
import io.rekindle.messaging.outbox.Destination;
import io.rekindle.platform.jdbc.UnnestColumns;
import io.rekindle.platform.outbox.Outbox;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.messaging.privacy.Erasure;
import io.rekindle.messaging.suppression.Suppressions;
import io.rekindle.messaging.template.Channel;

/**
 * Ingests normalised provider events as a whole batch in one transaction: each provider event is recorded once,
 * moves its message's state, suppresses the address at once where it must (hard bounce, complaint, unsubscribe,
 * STOP, repeated soft bounces), and is queued for segment-service (an event) and scenario-service (a signal)
 * through the outbox.
 */
@ApplicationScoped
public class EngagementEvents {

    private static final String BY_ID = "id:";
    private static final String BY_PROVIDER_ID = "provider:";

    private final DataSource dataSource;
    private final MessageStore messages;
    private final Suppressions suppressions;
    private final Outbox outbox;
    private final Clock clock;
    private final Traces traces;
    private final int softBounceLimit;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    EngagementEvents(DataSource dataSource, MessageStore messages, Suppressions suppressions, Outbox outbox,
            Clock clock, MessagingConfig config, Traces traces,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.traces = traces;
        this.json = json;
        this.dataSource = dataSource;
        this.messages = messages;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.clock = clock;
        this.softBounceLimit = config.webhooks().softBounceLimit();
    }

    /**
     * Stores the batch; answers how many events were new. With a nonce, the nonce is recorded in the same
     * transaction and a nonce seen before rejects the whole batch.
     *
     * @throws ReplayedException when the nonce was used before
     */
    @Transactional
    public int ingest(List<ProviderEvent> events, String provider, String nonce, Duration nonceLifetime) {
        try (Connection c = dataSource.getConnection()) {
            if (nonce != null) {
                rememberNonce(c, provider, nonce, nonceLifetime);
            }
            Map<String, Target> targets = targets(c, events);
            Set<String> erased = aboutErasedCustomers(c, events, targets);
            List<ProviderEvent> fresh = recordNew(c, events, targets, erased);
            List<MessageStore.Transition> transitions = new ArrayList<>();
            List<Object> segmentEvents = new ArrayList<>();
            List<Object> signals = new ArrayList<>();
            for (ProviderEvent e : fresh) {
                Target target = targetOf(targets, e);
                Optional<MessageState> moved = MessageState.afterEvent(e.type());
                if (target != null && moved.isPresent()) {
                    transitions.add(new MessageStore.Transition(target.messageId(), moved.get(), null,
                            e.bounce() == null ? e.detail() : e.bounce() + (e.detail() == null ? "" : ": " + e.detail())));
                }
                if (erased.contains(key(e))) {
                    continue;
                }
                String address = address(e, target);
                if (address != null) {
                    suppressIfNeeded(c, e, address);
                }
                if (target != null && target.customerId() != null) {
                    forward(e, target, segmentEvents, signals);
                }
            }
            messages.transitionAll(c, transitions);
            // What goes on to the other services continues the trace of the send it is about, and links the
            // provider's call that reported it.
            List<String> journeys = new ArrayList<>();
            fresh.forEach(e -> {
                Target target = targetOf(targets, e);
                journeys.add(target == null ? null : target.traceparent());
            });
            journeys.add(traces.current());
            try (var span = traces.start("engagement events", SpanKind.INTERNAL, journeys)) {
                span.attribute("rekindle.provider", provider).attribute("rekindle.events", fresh.size());
                outbox.addAll(c, Destination.SEGMENT_EVENTS, segmentEvents);
                outbox.addAll(c, Destination.SCENARIO_SIGNALS, signals);
            }
            return fresh.size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rememberNonce(Connection c, String provider, String nonce, Duration lifetime) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_nonce WHERE expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_nonce (provider, nonce, expires_at) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, provider);
            ps.setString(2, nonce);
            ps.setTimestamp(3, Timestamp.from(clock.instant().plus(lifetime)));
            if (ps.executeUpdate() == 0) {
                throw new ReplayedException(provider);
            }
        }
    }

    private record Target(String messageId, String customerId, String recipient, String attribution,
            String traceparent) {
    }

    private static String address(ProviderEvent e, Target target) {
        return e.address() != null ? e.address() : target == null ? null : target.recipient();
    }

    private static String key(ProviderEvent e) {
        return e.provider() + " " + e.eventId();
    }

    /**
     * The events (by {@link #key}) about a customer who was erased: their message was pseudonymised, or the address
     * the provider names is on the erased list. They are stored without address, link or detail, and neither
     * suppress an address again nor go on to the other services.
     */
    private Set<String> aboutErasedCustomers(Connection c, List<ProviderEvent> events, Map<String, Target> targets)
            throws SQLException {
        Set<String> erased = new java.util.HashSet<>();
        Map<Suppressions.Address, List<String>> byAddress = new java.util.HashMap<>();
        for (ProviderEvent e : events) {
            Target target = targetOf(targets, e);
            if (target != null && target.customerId() != null && target.customerId().startsWith(Erasure.PSEUDONYM_PREFIX)) {
                erased.add(key(e));
            } else if (e.address() != null) {
                byAddress.computeIfAbsent(new Suppressions.Address(e.channel(), e.address()), a -> new ArrayList<>())
                        .add(key(e));
            }
        }
        suppressions.erased(c, byAddress.keySet()).forEach(a -> erased.addAll(byAddress.get(a)));
        return erased;
    }

    /** Stores the events in one statement; answers those not seen before, in the order given. */
    private List<ProviderEvent> recordNew(Connection c, List<ProviderEvent> events, Map<String, Target> targets,
            Set<String> erased) throws SQLException {
        int n = events.size();
        UnnestColumns rows = new UnnestColumns(n, "provider", "provider_event_id", "message_id", "customer_id",
                "channel", "type", "bounce", "address", "url", "detail", "occurred_at");
        for (int i = 0; i < n; i++) {
            ProviderEvent e = events.get(i);
            Target target = targetOf(targets, e);
            String address = address(e, target);
            boolean pseudonymous = erased.contains(key(e));
            rows.set(i, "provider", e.provider());
            rows.set(i, "provider_event_id", e.eventId());
            rows.set(i, "message_id", target == null ? null : target.messageId());
            rows.set(i, "customer_id", target == null ? null : target.customerId());
            rows.set(i, "channel", e.channel().name().toLowerCase());
            rows.set(i, "type", e.type());
            rows.set(i, "bounce", e.bounce());
            rows.set(i, "address", address == null || pseudonymous ? null
                    : Suppressions.normalise(e.channel(), address));
            rows.set(i, "url", pseudonymous ? null : e.url());
            rows.set(i, "detail", pseudonymous ? null : e.detail());
            rows.set(i, "occurred_at", e.occurredAt().toString());
        }
        Set<String> inserted = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO engagement_event (provider, provider_event_id, message_id, customer_id, channel, type,
                    bounce, address, url, detail, occurred_at, received_at)
                SELECT provider, provider_event_id, message_id, customer_id, channel, type, bounce, address, url,
                    detail, occurred_at::timestamptz, ?
                FROM %s
                ORDER BY n
                ON CONFLICT DO NOTHING
                RETURNING provider || ' ' || provider_event_id""".formatted(rows.unnest()))) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            rows.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        // An id twice in one batch was stored once: the first is the new one.
        return events.stream().filter(e -> inserted.remove(e.provider() + " " + e.eventId())).toList();
    }

    /** What segment- and scenario-service are owed for an event about one of our messages, for the outbox. */
    private void forward(ProviderEvent e, Target target, List<Object> segmentEvents, List<Object> signals) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "msg-" + e.provider() + "-" + e.eventId());
        event.put("customerId", target.customerId());
        event.put("type", e.channel().name().toLowerCase() + "_" + e.type());
        event.put("occurredAt", e.occurredAt().toString());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("messageId", target.messageId());
        if (e.url() != null) {
            properties.put("url", e.url());
        }
        event.put("properties", properties);
        segmentEvents.add(event);
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("signalId", event.get("eventId"));
        signal.put("customerId", target.customerId());
        signal.put("type", e.type());
        signal.put("occurredAt", e.occurredAt().toString());
        signal.put("attribution", Attribution.forSignal(json, target.attribution()));
        signal.put("properties", Map.of("messageId", target.messageId(), "channel", e.channel().name().toLowerCase()));
        signals.add(signal);
    }

    private void suppressIfNeeded(Connection c, ProviderEvent e, String address) throws SQLException {
        String reason = switch (e.type()) {
            case "bounced" -> "hard".equals(e.bounce()) ? "hard bounce" : null;
            case "complained" -> "complaint";
            case "unsubscribed" -> "unsubscribed";
            case "opted_out" -> "opted out (" + (e.detail() == null ? "STOP" : e.detail()) + ")";
            default -> null;
        };
        if (reason == null && "bounced".equals(e.type()) && softBounces(c, e.channel(), address) >= softBounceLimit) {
            reason = softBounceLimit + " soft bounces";
        }
        if (reason != null) {
            suppressions.suppress(c, e.channel(), address, reason);
        }
        if ("opted_in".equals(e.type())) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM suppression WHERE channel = ? AND address = ? "
                    + "AND reason LIKE 'opted out%'")) {
                ps.setString(1, e.channel().name().toLowerCase());
                ps.setString(2, Suppressions.normalise(e.channel(), address));
                ps.executeUpdate();
            }
        }
    }

    private static int softBounces(Connection c, Channel channel, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM engagement_event WHERE channel = ? "
                + "AND address = ? AND bounce = 'soft'")) {
            ps.setString(1, channel.name().toLowerCase());
            ps.setString(2, Suppressions.normalise(channel, address));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The messages the events are about, by our message id and by the provider's, in one query. */
    private static Map<String, Target> targets(Connection c, List<ProviderEvent> events) throws SQLException {
        Object[] ids = events.stream().map(ProviderEvent::messageId).filter(Objects::nonNull).distinct().toArray();
        Object[] providerIds = events.stream().map(ProviderEvent::providerMessageId).filter(Objects::nonNull)
                .distinct().toArray();
        Map<String, Target> targets = new HashMap<>();
        if (ids.length == 0 && providerIds.length == 0) {
            return targets;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, provider_message_id, customer_id, recipient, "
                + "attribution::text AS attribution, traceparent FROM message WHERE message_id = ANY (?) OR provider_message_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("text", providerIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Target target = new Target(rs.getString("message_id"), rs.getString("customer_id"),
                            rs.getString("recipient"), rs.getString("attribution"), rs.getString("traceparent"));
                    targets.put(BY_ID + target.messageId(), target);
                    String providerId = rs.getString("provider_message_id");
                    if (providerId != null) {
                        targets.put(BY_PROVIDER_ID + providerId, target);
                    }
                }
            }
        }
        return targets;
    }

    private static Target targetOf(Map<String, Target> targets, ProviderEvent e) {
        Target byId = e.messageId() == null ? null : targets.get(BY_ID + e.messageId());
        return byId != null || e.providerMessageId() == null ? byId : targets.get(BY_PROVIDER_ID + e.providerMessageId());
    }
}
