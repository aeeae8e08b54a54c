package io.rekindle.platform.peers;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One peer service, called through the REST client generated from its stored contract. Every call passes a circuit
 * breaker (SmallRye Fault Tolerance), so a peer that is down fails fast instead of costing each caller its connect
 * timeout; its answers become what callers act on: {@link PeerUnavailableException} (unreachable, timed out, a 5xx
 * or 429, the circuit open: try again later) or {@link PeerRefusedException} (a 4xx: this request is wrong). A read is
 * asked twice when it fails to arrive, since the pooled connection it went out on may have been closed by the peer
 * meanwhile; a write is asked once, its caller's own retry carrying the idempotency key. Every call is timed in
 * {@code rekindle.peer.calls} by peer, kind (read, write) and outcome (ok, refused, unavailable).
 */
public final class Peer {

    private final String name;
    private final Guard reads;
    private final Guard writes;
    private final MeterRegistry registry;

    Peer(String name, PeerTuning tuning, MeterRegistry registry) {
        this.name = name;
        this.registry = registry;
        this.writes = Guard.create().withDescription(name + " writes").withCircuitBreaker()
                .with(breaker -> tuning.configure(breaker, name + "-writes")).done().build();
        this.reads = Guard.create().withDescription(name + " reads")
                .withRetry().maxRetries(1).delay(0, ChronoUnit.MILLIS).retryOn(PeerUnavailableException.class)
                .abortOn(CircuitBreakerOpenException.class).done()
                .withCircuitBreaker().with(breaker -> tuning.configure(breaker, name + "-reads")).done().build();
    }

    /** A call that only reads: asked again once when it did not arrive. */
    public <T> T read(Supplier<T> call) {
        return timed("read", reads, call);
    }

    /** A read of one thing, empty when the peer answers 404. */
    public <T> Optional<T> find(Supplier<T> call) {
        try {
            return Optional.ofNullable(read(call));
        } catch (PeerRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A call that changes something, asked once. */
    public <T> T write(Supplier<T> call) {
        return timed("write", writes, call);
    }

    /** A write whose refusal is an answer: true when the peer took it, false when it answered a 4xx. */
    public boolean accepted(Supplier<?> call) {
        try {
            write(call);
            return true;
        } catch (PeerRefusedException e) {
            return false;
        }
    }

    private <T> T timed(String kind, Guard guard, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "unavailable";
        try {
            T answer = guarded(guard, call);
            outcome = "ok";
            return answer;
        } catch (PeerRefusedException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(PeerCalls.timer(registry, name, kind, outcome));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T guarded(Guard guard, Supplier<T> call) {
        try {
            return (T) guard.get(() -> translated(call), Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new PeerUnavailableException(name + ": circuit open after repeated failures", e);
        }
    }

    private <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500 || status == 429) {
                throw new PeerUnavailableException(name + " answered " + status, e);
            }
            throw new PeerRefusedException(name + " answered " + status, status);
        } catch (ProcessingException e) {
            throw new PeerUnavailableException(name + " unreachable: " + e.getMessage(), e);
        }
    }
}
