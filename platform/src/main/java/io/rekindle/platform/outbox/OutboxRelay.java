package io.rekindle.platform.outbox;

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
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.platform.config.PlatformConfig;
import io.rekindle.platform.http.ApiKeys;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.platform.work.Backoff;
import io.rekindle.platform.work.Poller;

/**
 * Delivers outbox rows to the other services in batches until they acknowledge (2xx). Any replica relays: rows are
 * claimed with a lease under SKIP LOCKED. A failed batch waits with backoff and is sent again whole, so delivery is
 * at least once and receivers dedupe by event or signal id. One destination being down does not hold up the other.
 * A row the peer refuses as invalid is set aside as a dead letter with the reason ({@link #dead}), found by sending
 * the refused batch again row by row, so it holds back nothing behind it; dead letters are counted in the gauge
 * {@code rekindle_outbox_dead_letters} and listed at {@code GET /v1/admin/outbox/dead-letters}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OutboxRelay.class);


    private final DataSource dataSource;
    private final Clock clock;
    private final Config config;
    private final String authorization;
    private final String every;
    private final int batch;
    private final Duration lease;
    private final Duration timeout;
    private final Backoff backoff;
    private final HttpClient http;
    private final Traces traces;
    private final List<? extends OutboxDestination> destinations;
    private Optional<Poller> poller = Optional.empty();
    private OutboxMeters meters;

    OutboxRelay(DataSource dataSource, Clock clock, Config config, ApiKeys keys,
            Instance<OutboxDestinations> destinations,
            PlatformConfig platform, Traces traces) {
        this.traces = traces;
        this.destinations = destinations.isResolvable() ? destinations.get().all() : List.of();
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.authorization = keys.peerAuthorization();
        this.every = platform.outbox().relayEvery();
        this.batch = platform.outbox().batch();
        this.lease = platform.outbox().lease();
        this.timeout = platform.outbox().timeout();
        this.backoff = new Backoff(platform.outbox().retryBase(), platform.outbox().retryMax());
        this.http = HttpClient.newBuilder().connectTimeout(platform.outbox().connectTimeout()).build();
    }

    void start(@Observes StartupEvent event, io.micrometer.core.instrument.MeterRegistry registry) {
        if (!destinations.isEmpty()) {
            meters = new OutboxMeters(registry, dataSource, clock, destinations);
            poller = Poller.start("outbox-relay", every, this::relay);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        poller.ifPresent(Poller::stop);
    }

    private record Row(long id, int attempts, String payload, String traceparent) {
    }

    /** Delivers everything due; answers how many rows were acknowledged. */
    public int relay() {
        int delivered = 0;
        for (OutboxDestination destination : destinations) {
            delivered += relay(destination);
        }
        return delivered;
    }

    private int relay(OutboxDestination destination) {
        int delivered = 0;
        for (List<Row> batch = claim(destination); !batch.isEmpty(); batch = claim(destination)) {
            Answer answer = post(destination, batch);
            if (answer.refused() && batch.size() == 1) {
                dead(destination, batch, answer.error());
                continue;
            }
            if (answer.refused()) {
                delivered += oneByOne(destination, batch);
                continue;
            }
            done(destination, batch, answer.error());
            if (answer.error() != null) {
                return delivered;
            }
            delivered += batch.size();
        }
        return delivered;
    }

    /**
     * A batch the peer refused as invalid, sent again row by row to find the rows it refuses: those are set aside,
     * the others delivered. A peer that fails otherwise meanwhile gets the rest again later, whole.
     */
    private int oneByOne(OutboxDestination destination, List<Row> batch) {
        int delivered = 0;
        for (int i = 0; i < batch.size(); i++) {
            List<Row> row = List.of(batch.get(i));
            Answer answer = post(destination, row);
            if (answer.refused()) {
                dead(destination, row, answer.error());
            } else if (answer.error() != null) {
                done(destination, batch.subList(i, batch.size()), answer.error());
                return delivered;
            } else {
                done(destination, row, null);
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * What a peer answered: nothing wrong, an error worth retrying, or a refusal of the rows themselves (400, 413,
     * 415, 422), which retrying cannot change. A 404, 401, 403, 408 or 429 says more about the route, the keys or the
     * load than about the rows: those are retried.
     */
    private record Answer(int status, String error) {

        boolean refused() {
            return status == 400 || status == 413 || status == 415 || status == 422;
        }

        String outcome() {
            return error == null ? "ok" : refused() ? "refused" : "unavailable";
        }
    }

    private Answer post(OutboxDestination destination, List<Row> batch) {
        return meters.post(destination, () -> postNow(destination, batch), Answer::outcome);
    }

    private Answer postNow(OutboxDestination destination, List<Row> batch) {
        String url = config.getValue("quarkus.rest-client." + destination.service() + ".url", String.class)
                + destination.path();
        String body = "[" + String.join(",", batch.stream().map(Row::payload).toList()) + "]";
        try (var span = traces.start("outbox " + destination.name(), SpanKind.CLIENT,
                batch.stream().map(Row::traceparent).toList())) {
            span.attribute("rekindle.rows", batch.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout).header("Content-Type", "application/json")
                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body));
            traces.inject(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                span.failed("HTTP " + response.statusCode());
            }
            return new Answer(response.statusCode(), response.statusCode() / 100 == 2 ? null
                    : "HTTP " + response.statusCode() + ": " + response.body());
        } catch (java.io.IOException e) {
            return new Answer(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    @Transactional
    List<Row> claim(OutboxDestination destination) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox SET due_at = ?, claimed = true WHERE id IN (
                    SELECT id FROM outbox WHERE destination = ? AND due_at <= ? ORDER BY due_at, id LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, attempts, payload, traceparent""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().plus(lease)));
            ps.setString(2, destination.name());
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setInt(4, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("id"), rs.getInt("attempts"), rs.getString("payload"),
                            rs.getString("traceparent")));
                }
            }
            rows.sort(java.util.Comparator.comparingLong(Row::id));
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the rows aside with the peer's reason; they wait for an operator, no longer for a retry. */
    void dead(OutboxDestination destination, List<Row> rows, String reason) {
        setAside(rows, reason);
        meters.dead(destination, rows.size());
    }

    void done(OutboxDestination destination, List<Row> batch, String error) {
        acknowledge(batch, error);
        if (error == null) {
            meters.delivered(destination, batch.size());
        } else {
            meters.retried(destination, batch.size());
        }
    }

    @Transactional
    void setAside(List<Row> rows, String reason) {
        LOG.warnf("outbox: %d row(s) refused for good and set aside: %s", rows.size(), reason);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE outbox SET "
                + "dead_at = ?, dead_reason = ?, due_at = 'infinity', claimed = false WHERE id = ANY (?)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, reason.length() > 500 ? reason.substring(0, 500) : reason);
            ps.setArray(3, c.createArrayOf("bigint", rows.stream().map(Row::id).toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void acknowledge(List<Row> batch, String error) {
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
