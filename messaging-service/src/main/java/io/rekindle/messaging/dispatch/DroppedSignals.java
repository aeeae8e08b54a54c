package io.rekindle.messaging.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.messaging.message.Attribution;
import io.rekindle.messaging.message.MessageState;
import io.rekindle.messaging.message.MessageStore.Transition;
import io.rekindle.messaging.outbox.Destination;
import io.rekindle.platform.outbox.Outbox;

/**
 * Tells scenario-service which of its messages never went out (suppressed or failed here): a {@code dropped} signal
 * attributed to the step that asked for the message, so that the scenario's report shows, next to what the step
 * handed over, what never went out.
 */
@ApplicationScoped
class DroppedSignals {

    private static final Set<MessageState> NOT_SENT = EnumSet.of(MessageState.SUPPRESSED, MessageState.FAILED);

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    DroppedSignals(Outbox outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Queues the signals for the messages these transitions (already recorded) left for good unsent. */
    void queue(Connection c, List<Transition> transitions) throws SQLException {
        String[] ids = transitions.stream().filter(t -> NOT_SENT.contains(t.state())).map(Transition::messageId)
                .toArray(String[]::new);
        if (ids.length == 0) {
            return;
        }
        List<Object> signals = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT message_id, customer_id, channel, attribution::text AS attribution, detail FROM message
                WHERE message_id = ANY (?) AND attribution ->> 'scenario' IS NOT NULL ORDER BY message_id""")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    signals.add(signal(rs.getString("message_id"), rs.getString("customer_id"),
                            rs.getString("channel"), rs.getString("attribution"), rs.getString("detail")));
                }
            }
        }
        outbox.addAll(c, Destination.SCENARIO_SIGNALS, signals);
    }

    private Map<String, Object> signal(String messageId, String customerId, String channel, String attribution,
            String reason) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("signalId", "dropped-" + messageId);
        signal.put("customerId", customerId);
        signal.put("type", "dropped");
        signal.put("occurredAt", clock.instant().toString());
        signal.put("attribution", Attribution.forSignal(json, attribution));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("messageId", messageId);
        properties.put("channel", channel);
        if (reason != null) {
            properties.put("reason", reason);
        }
        signal.put("properties", properties);
        return signal;
    }
}
