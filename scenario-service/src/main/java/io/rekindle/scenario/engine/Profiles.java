package io.rekindle.scenario.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.platform.peers.PeerUnavailableException;
import io.rekindle.scenario.peers.SegmentPeer;

/**
 * Customer profiles from segment-service (with their purchase and engagement figures), read in batches through
 * {@code POST /v1/customers/lookup}; empty when the customer is not (or no longer) there.
 */
@ApplicationScoped
public class Profiles {

    /** segment-service's limit for one lookup. */
    private static final int LOOKUP_LIMIT = 1_000;

    private final SegmentPeer segments;
    // The lookups of one batch go out side by side while the caller goes on; a few threads of their own suffice.
    private final ExecutorService lookups = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "profile-lookups");
        t.setDaemon(true);
        return t;
    });

    Profiles(SegmentPeer segments) {
        this.segments = segments;
    }

    /**
     * Profiles asked for at once, in as few calls as the lookup's limit allows; each answers, once asked for, the
     * profile, empty for a customer segment-service does not know, or a {@link PeerUnavailableException}.
     */
    public List<Supplier<Optional<Profile>>> findAll(List<String> customerIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(customerIds));
        Map<String, CompletableFuture<Map<String, JsonNode>>> callFor = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_LIMIT) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_LIMIT));
            CompletableFuture<Map<String, JsonNode>> call = CompletableFuture.supplyAsync(
                    () -> segments.profiles(chunk), lookups);
            chunk.forEach(id -> callFor.put(id, call));
        }
        return customerIds.stream().<Supplier<Optional<Profile>>>map(id -> () -> Optional.ofNullable(
                await(callFor.get(id)).get(id)).map(Profile::new)).toList();
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

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }

    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new PeerUnavailableException("segment-service: " + e.getCause(), e.getCause());
        }
    }
}
