package io.rekindle.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.platform.tracing.Traces;

/** Records a call to another service in the caller's transaction; {@link OutboxRelay} makes it. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Traces traces;

    Outbox(ObjectMapper mapper, Clock clock, Traces traces) {
        this.mapper = mapper;
        this.clock = clock;
        this.traces = traces;
    }

    public void add(Connection c, OutboxDestination destination, Object payload) throws SQLException {
        addAll(c, destination, List.of(payload));
    }

    /** Several calls to one destination in one statement, relayed in this order, each under the current trace. */
    public void addAll(Connection c, OutboxDestination destination, List<?> payloads) throws SQLException {
        if (payloads.isEmpty()) {
            return;
        }
        String[] texts = new String[payloads.size()];
        try {
            for (int i = 0; i < texts.length; i++) {
                texts[i] = mapper.writeValueAsString(payloads.get(i));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (destination, payload, due_at, traceparent) "
                + "SELECT ?, p::jsonb, ?, ? FROM unnest(?::text[]) WITH ORDINALITY AS u(p, n) ORDER BY n")) {
            ps.setString(1, destination.name());
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, traces.current());
            ps.setArray(4, c.createArrayOf("text", texts));
            ps.executeUpdate();
        }
    }

    /** Drops undelivered calls about a customer who has been erased. */
    public int forget(Connection c, String customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE payload ->> 'customerId' = ?")) {
            ps.setString(1, customerId);
            return ps.executeUpdate();
        }
    }
}
