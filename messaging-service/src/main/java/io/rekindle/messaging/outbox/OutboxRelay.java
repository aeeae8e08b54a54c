package io.rekindle.messaging.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.messaging.http.ApiKeys;
import io.rekindle.messaging.work.Backoff;
import io.rekindle.messaging.work.Poller;

/**
 * Delivers outbox rows to the other services in batches until they acknowledge (2xx). Any replica relays: rows are
 * claimed with a lease under SKIP LOCKED. A failed batch waits with backoff and is sent again whole, so delivery is
 * at least once and receivers dedupe by event or signal id. One destination being down does not hold up the other.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final Config config;
    private final String authorization;
    private final String every;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Optional<Poller> poller = Optional.empty();

    OutboxRelay(DataSource dataSource, Clock clock, Config config,
            ApiKeys keys,
            @ConfigProperty(name = "rekindle.outbox.relay-every") String every) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.authorization = keys.peerAuthorization();
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        poller = Poller.start("outbox-relay", every, this::relay);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.ifPresent(Poller::stop);
    }

    private record Row(long id, int attempts, String payload) {
    }

    /** Delivers everything due; answers how many rows were acknowledged. */
    public int relay() {
        int delivered = 0;
        for (Destination destination : Destination.values()) {
            delivered += relay(destination);
        }
        return delivered;
    }

    private int relay(Destination destination) {
        int delivered = 0;
        for (List<Row> batch = claim(destination); !batch.isEmpty(); batch = claim(destination)) {
            String error = post(destination, batch);
            done(batch, error);
            if (error != null) {
                return delivered;
            }
            delivered += batch.size();
        }
        return delivered;
    }

    private String post(Destination destination, List<Row> batch) {
        String url = config.getValue("quarkus.rest-client." + destination.service + ".url", String.class)
                + destination.path;
        String body = "[" + String.join(",", batch.stream().map(Row::payload).toList()) + "]";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode() + ": " + response.body();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Transactional
    List<Row> claim(Destination destination) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox SET due_at = ?, claimed = true WHERE id IN (
                    SELECT id FROM outbox WHERE destination = ? AND due_at <= ? ORDER BY due_at, id LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, attempts, payload""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().plus(LEASE)));
            ps.setString(2, destination.name());
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setInt(4, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3)));
                }
            }
            rows.sort(java.util.Comparator.comparingLong(Row::id));
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void done(List<Row> batch, String error) {
        Object[] ids = batch.stream().map(Row::id).toArray();
        try (Connection c = dataSource.getConnection()) {
            if (error == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", ids));
                    ps.executeUpdate();
                }
                return;
            }
            int attempts = batch.stream().mapToInt(Row::attempts).max().orElse(0) + 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, "
                    + "last_error = ?, due_at = ?, claimed = false WHERE id = ANY (?)")) {
                ps.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
                ps.setTimestamp(2, Timestamp.from(clock.instant().plus(backoff.after(attempts,
                        ThreadLocalRandom.current()))));
                ps.setArray(3, c.createArrayOf("bigint", ids));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
