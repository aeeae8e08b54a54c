package io.rekindle.scenario.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.scenario.peers.PeerUnavailableException;
import io.rekindle.scenario.peers.Peers;

/**
 * Customer profiles from segment-service (with their purchase and engagement figures), read in batches through
 * {@code POST /v1/customers/lookup}; empty when the customer is not (or no longer) there.
 */
@ApplicationScoped
public class Profiles {

    /** segment-service's limit for one lookup. */
    private static final int LOOKUP_LIMIT = 1_000;

    private final Peers peers;

    Profiles(Peers peers) {
        this.peers = peers;
    }

    /**
     * Profiles asked for at once, in as few calls as the lookup's limit allows; each answers, once asked for, the
     * profile, empty for a customer segment-service does not know, or a {@link PeerUnavailableException}.
     */
    public List<Supplier<Optional<Profile>>> findAll(List<String> customerIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(customerIds));
        Map<String, CompletableFuture<Map<String, Profile>>> callFor = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_LIMIT) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_LIMIT));
            CompletableFuture<Map<String, Profile>> call = peers.postAsync(Peers.Service.SEGMENT,
                    "/v1/customers/lookup", Map.of("customerIds", chunk)).thenApply(Profiles::found);
            chunk.forEach(id -> callFor.put(id, call));
        }
        return customerIds.stream().<Supplier<Optional<Profile>>>map(id -> () -> Optional.ofNullable(
                Peers.await(callFor.get(id)).get(id))).toList();
    }

    /** {@link #findAll}, each customer's profile under its id. */
    public Map<String, Supplier<Optional<Profile>>> findEach(List<String> customerIds) {
        List<Supplier<Optional<Profile>>> lookups = findAll(customerIds);
        Map<String, Supplier<Optional<Profile>>> each = new HashMap<>();
        for (int i = 0; i < customerIds.size(); i++) {
            each.put(customerIds.get(i), lookups.get(i));
        }
        return each;
    }

    private static Map<String, Profile> found(Peers.Reply reply) {
        if (!reply.ok()) {
            throw new PeerUnavailableException("segment-service answered " + reply.status() + " for profiles");
        }
        Map<String, Profile> found = new HashMap<>();
        for (JsonNode customer : reply.body().path("customers")) {
            found.put(customer.path("customerId").asText(), new Profile(customer));
        }
        return found;
    }
}
