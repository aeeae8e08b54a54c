package io.rekindle.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.messaging.work.Backoff;
import io.rekindle.messaging.work.Poller;

/**
 * Delivers outbox rows to the other services, in batches, until they acknowledge (2xx); a failed batch waits with
 * backoff and is sent again whole, so delivery is at least once and receivers dedupe by the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final SegmentEvents segment;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String authorization;
    private final String every;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    private Optional<Poller> poller = Optional.empty();

    OutboxRelay(DataSource dataSource, @RestClient SegmentEvents segment, ObjectMapper mapper, Clock clock,
            @ConfigProperty(name = "rekindle.peer-api-key") String peerKey,
            @ConfigProperty(name = "rekindle.outbox.relay-every") String every) {
        this.dataSource = dataSource;
        this.segment = segment;
        this.mapper = mapper;
        this.clock = clock;
        this.authorization = "Bearer " + peerKey;
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        poller = Poller.start("outbox-relay", every, this::relay);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.ifPresent(Poller::stop);
    }

    private record Row(long id, int attempts, JsonNode payload) {
    }

    /** Delivers everything due; answers how many rows were acknowledged. */
    public int relay() {
        int delivered = 0;
        for (List<Row> batch = claim(); !batch.isEmpty(); batch = claim()) {
            try {
                segment.post(batch.stream().map(Row::payload).toList(), authorization);
                done(batch, null);
                delivered += batch.size();
            } catch (RuntimeException e) {
                done(batch, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                return delivered;
            }
        }
        return delivered;
    }

    @Transactional
    List<Row> claim() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox SET due_at = ? WHERE id IN (
                    SELECT id FROM outbox WHERE destination = ? AND due_at <= ? ORDER BY id LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, attempts, payload""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().plus(LEASE)));
            ps.setString(2, Outbox.SEGMENT_EVENTS);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setInt(4, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getInt(2), mapper.readTree(rs.getString(3))));
                }
            }
            return rows;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void done(List<Row> batch, String error) {
        try (Connection c = dataSource.getConnection()) {
            if (error == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", batch.stream().map(Row::id).toArray()));
                    ps.executeUpdate();
                }
                return;
            }
            int attempts = batch.stream().mapToInt(Row::attempts).max().orElse(0) + 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, "
                    + "last_error = ?, due_at = ? WHERE id = ANY (?)")) {
                ps.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
                ps.setTimestamp(2, Timestamp.from(clock.instant().plus(backoff.after(attempts,
                        ThreadLocalRandom.current()))));
                ps.setArray(3, c.createArrayOf("bigint", batch.stream().map(Row::id).toArray()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
