package io.rekindle.segment.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.segment.segments.Reevaluations;

/** Events are immutable facts: an eventId seen before is ignored. */
@ApplicationScoped
public class EventStore {

    private static final String INSERT = """
            INSERT INTO event (event_id, customer_id, type, occurred_at, properties, received_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (event_id) DO NOTHING
            """;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Reevaluations reevaluations;

    EventStore(DataSource dataSource, ObjectMapper mapper, Clock clock, Reevaluations reevaluations) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
        this.reevaluations = reevaluations;
    }

    @Transactional
    public void storeAll(List<EventRequest> events) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (EventRequest e : events) {
                ps.setString(1, e.eventId());
                ps.setString(2, e.customerId());
                ps.setString(3, e.type());
                ps.setTimestamp(4, Timestamp.from(e.occurredAt()));
                ps.setString(5, json(e.properties()));
                ps.setTimestamp(6, now);
                ps.addBatch();
            }
            int[] inserted = ps.executeBatch();
            keepTraits(c, events, inserted, now);
            reevaluations.markDue(c, events.stream().map(EventRequest::customerId).distinct().toList());
        } catch (SQLException ex) {
            throw new IllegalStateException("storing " + events.size() + " events", ex);
        }
    }

    /**
     * An event may carry traits ({@code properties.traits}: a survey answer's survey_reason, an attribute a scenario
     * sets) that become profile attributes, so a segment rule or a scenario condition can read them; a replayed
     * event changes nothing.
     */
    private void keepTraits(Connection c, List<EventRequest> events, int[] inserted, Timestamp now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE customer SET attributes = attributes || ?::jsonb, "
                + "updated_at = ? WHERE customer_id = ?")) {
            for (int i = 0; i < events.size(); i++) {
                EventRequest e = events.get(i);
                if (inserted[i] != 0 && e.properties() != null
                        && e.properties().get("traits") instanceof Map<?, ?> traits && !traits.isEmpty()) {
                    ps.setString(1, json(traits));
                    ps.setTimestamp(2, now);
                    ps.setString(3, e.customerId());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private String json(Map<?, ?> properties) {
        try {
            return mapper.writeValueAsString(properties == null ? Map.of() : properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
