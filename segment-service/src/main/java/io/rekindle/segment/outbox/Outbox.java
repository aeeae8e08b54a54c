package io.rekindle.segment.outbox;

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

    private final ObjectMapper mapper;
    private final Clock clock;

    Outbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void add(Connection c, Destination destination, Object payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (destination, payload, due_at) VALUES (?, ?::jsonb, ?)")) {
            ps.setString(1, destination.name());
            ps.setString(2, mapper.writeValueAsString(payload));
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
