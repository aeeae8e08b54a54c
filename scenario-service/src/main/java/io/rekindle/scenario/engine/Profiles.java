package io.rekindle.scenario.engine;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.peers.Peers;

/** Customer profiles from segment-service; empty when the customer is not (or no longer) there. */
@ApplicationScoped
public class Profiles {

    private final Peers peers;

    Profiles(Peers peers) {
        this.peers = peers;
    }

    public Optional<Profile> find(String customerId) {
        Peers.Reply reply = peers.get(Peers.Service.SEGMENT, "/v1/customers/" + Peers.segment(customerId));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new io.rekindle.scenario.peers.PeerUnavailableException("segment-service answered "
                    + reply.status() + " for a profile");
        }
        return Optional.of(new Profile(reply.body()));
    }
}
