package io.rekindle.platform.peers;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.smallrye.config.WithDefault;
import io.smallrye.faulttolerance.api.Guard;

/** When a peer's circuit opens and how long it stays open (timeouts are the REST clients' own configuration). */
public interface PeerTuning {

    /** Calls looked at before the circuit may open. */
    @WithDefault("20")
    int requestVolume();

    /** Share of those calls failing (peer unavailable) that opens it. */
    @WithDefault("0.5")
    double failureRatio();

    /** How long it stays open before letting a trial call through. */
    @WithDefault("2s")
    Duration delay();

    default void configure(Guard.Builder.CircuitBreakerBuilder breaker, String name) {
        breaker.name(name).requestVolumeThreshold(requestVolume()).failureRatio(failureRatio())
                .delay(delay().toMillis(), ChronoUnit.MILLIS).failOn(PeerUnavailableException.class);
    }
}
