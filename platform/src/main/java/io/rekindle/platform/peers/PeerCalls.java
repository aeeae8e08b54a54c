package io.rekindle.platform.peers;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code rekindle.peer.calls}: every call to another service, by {@code peer} (segment-service...), {@code kind}
 * (read, write, outbox) and {@code outcome} (ok, refused, unavailable), a histogram so dashboards read its percentiles.
 */
public final class PeerCalls {

    private PeerCalls() {
    }

    public static Timer timer(MeterRegistry registry, String peer, String kind, String outcome) {
        return Timer.builder("rekindle.peer.calls").description("Calls to other services, by outcome")
                .tag("peer", peer).tag("kind", kind).tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
