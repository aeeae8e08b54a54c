package io.rekindle.scenario.engine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.peers.PeerUnavailableException;
import io.rekindle.scenario.peers.Peers;

/** Customer profiles from segment-service; empty when the customer is not (or no longer) there. */
@ApplicationScoped
public class Profiles {

    private final Peers peers;

    Profiles(Peers peers) {
        this.peers = peers;
    }

    public Optional<Profile> find(String customerId) {
        return read(request(customerId));
    }

    /**
     * Several profiles asked for at once (segment-service computes them side by side); each lookup answers as
     * {@link #find} would, a peer that could not answer included.
     */
    public List<Supplier<Optional<Profile>>> findAll(List<String> customerIds) {
        return customerIds.stream().map(this::request)
                .<Supplier<Optional<Profile>>>map(request -> () -> read(request)).toList();
    }

    private CompletableFuture<Peers.Reply> request(String customerId) {
        return peers.getAsync(Peers.Service.SEGMENT, "/v1/customers/" + Peers.segment(customerId));
    }

    private static Optional<Profile> read(CompletableFuture<Peers.Reply> request) {
        Peers.Reply reply = Peers.await(request);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new PeerUnavailableException("segment-service answered " + reply.status() + " for a profile");
        }
        return Optional.of(new Profile(reply.body()));
    }
}
