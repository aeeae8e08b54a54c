package io.rekindle.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Records a call to another service in the caller's transaction; {@link OutboxRelay} makes it. */
@ApplicationScoped
public class Outbox {

    /** segment-service's POST /v1/events/batch; the payload is one event row. */
    public static final String SEGMENT_EVENTS = "segment-events";

    private final ObjectMapper mapper;
    private final Clock clock;

    Outbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void add(Connection c, String destination, Object payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (destination, payload, due_at) VALUES (?, ?::jsonb, ?)")) {
            ps.setString(1, destination);
            ps.setString(2, mapper.writeValueAsString(payload));
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
