package io.rekindle.segment.subscriptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.segment.segments.Change;
import io.rekindle.segment.segments.ChangePage;
import io.rekindle.segment.segments.Segments;
import io.rekindle.segment.work.Backoff;
import io.rekindle.segment.work.Poller;

/**
 * Pushes the change feed to subscribers: one batch at a time per subscriber, in feed order, until the subscriber
 * answers 2xx; the cursor advances only then, so delivery is at least once and never out of order. Failures retry
 * with exponential backoff and jitter.
 */
@ApplicationScoped
public class SubscriptionDelivery {

    /** What a subscriber receives. */
    public record Delivery(String subscriptionId, List<Change> changes,
            String next) {
    }

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Subscriptions subscriptions;
    private final Segments segments;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Backoff backoff;
    private final int batch;
    private final Duration idle;
    private final Duration timeout;
    private final HttpClient http;
    private final String every;
    private Optional<Poller> poller = Optional.empty();

    SubscriptionDelivery(Subscriptions subscriptions, Segments segments, ObjectMapper mapper, Clock clock,
            @ConfigProperty(name = "rekindle.subscriptions.batch") int batch,
            @ConfigProperty(name = "rekindle.subscriptions.poll") Duration idle,
            @ConfigProperty(name = "rekindle.subscriptions.backoff-base") Duration backoffBase,
            @ConfigProperty(name = "rekindle.subscriptions.backoff-max") Duration backoffMax,
            @ConfigProperty(name = "rekindle.subscriptions.timeout") Duration timeout,
            @ConfigProperty(name = "rekindle.subscriptions.deliver-every") String every) {
        this.every = every;
        this.subscriptions = subscriptions;
        this.segments = segments;
        this.mapper = mapper;
        this.clock = clock;
        this.batch = batch;
        this.idle = idle;
        this.timeout = timeout;
        this.backoff = new Backoff(backoffBase, backoffMax);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    void start(@Observes StartupEvent event) {
        poller = Poller.start("subscription-delivery", every, this::deliverDue);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.ifPresent(Poller::stop);
    }

    /** Delivers to every due subscription until none is due; answers how many deliveries were acknowledged. */
    public int deliverDue() {
        int acknowledged = 0;
        for (Optional<Subscriptions.Claim> claim = subscriptions.claimDue(LEASE); claim.isPresent();
                claim = subscriptions.claimDue(LEASE)) {
            if (deliver(claim.get())) {
                acknowledged++;
            }
        }
        return acknowledged;
    }

    private boolean deliver(Subscriptions.Claim claim) {
        ChangePage page = segments.changes(claim.segments(), claim.cursor(), batch);
        if (page.changes().isEmpty()) {
            subscriptions.acknowledged(claim.id(), claim.cursor(), idle);
            return false;
        }
        try {
            byte[] body = mapper.writeValueAsBytes(new Delivery(claim.id(), page.changes(), page.next()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(claim.callbackUrl())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(CallbackSignature.HEADER,
                            CallbackSignature.sign(claim.secret(), clock.instant().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (claim.authorization() != null) {
                request.header("Authorization", claim.authorization());
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                return failed(claim, "HTTP " + response.statusCode());
            }
            // A full page means more is waiting: due again at once.
            subscriptions.acknowledged(claim.id(), Long.parseLong(page.next()),
                    page.changes().size() == batch ? Duration.ZERO : idle);
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException | IllegalArgumentException e) {
            return failed(claim, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(claim, "interrupted");
        }
    }

    private boolean failed(Subscriptions.Claim claim, String error) {
        subscriptions.failed(claim.id(), error, backoff.after(claim.attempts() + 1, ThreadLocalRandom.current()));
        return false;
    }
}
