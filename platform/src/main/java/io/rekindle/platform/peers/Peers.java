package io.rekindle.platform.peers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

import io.rekindle.platform.config.PlatformConfig;

/** The peers this service calls, each with its own circuits. */
@ApplicationScoped
public class Peers {

    private final PeerTuning tuning;
    private final MeterRegistry registry;
    private final Map<String, Peer> byName = new ConcurrentHashMap<>();

    Peers(PlatformConfig config, MeterRegistry registry) {
        this.tuning = config.peers().circuit();
        this.registry = registry;
    }

    /** The peer of this name (segment-service, messaging-service...), the same one on every call. */
    public Peer named(String name) {
        return byName.computeIfAbsent(name, n -> new Peer(n, tuning, registry));
    }
}
