package io.rekindle.segment.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.platform.http.OutboundUrls;
import io.rekindle.segment.config.SegmentConfig;
import io.rekindle.segment.segments.Change;
import io.rekindle.segment.segments.ChangePage;
import io.rekindle.segment.segments.Memberships;
import io.rekindle.platform.work.Backoff;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.platform.work.Poller;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Pushes the change feed to subscribers: one batch at a time per subscriber, in feed order, until the subscriber
 * answers 2xx; the cursor advances only then, so delivery is at least once and never out of order. Failures retry
 * with exponential backoff and jitter. The callback URL is checked again at every delivery ({@link OutboundUrls}) and
 * the request goes to the address that was checked, follows no redirect, and records only the status of a refusal:
 * a subscriber cannot make this service reach an internal host, nor read another host's answer back.
 */
@ApplicationScoped
public class SubscriptionDelivery {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SubscriptionDelivery.class);

    /** What a subscriber receives. */
    public record Delivery(String subscriptionId, List<Change> changes,
            String next) {
    }

    private final Subscriptions subscriptions;
    private final Memberships memberships;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Backoff backoff;
    private final int batch;
    private final Duration lease;
    private final Duration idle;
    private final Duration timeout;
    private final OutboundUrls outbound;
    private final HttpClient http;
    private final Context context;
    private final String every;
    private Optional<Poller> poller = Optional.empty();
    private final MeterRegistry registry;
    private final Traces traces;

    SubscriptionDelivery(Subscriptions subscriptions, Memberships memberships, ObjectMapper mapper, Clock clock,
            OutboundUrls outbound, Vertx vertx, MeterRegistry registry, Traces traces,
            SegmentConfig config) {
        this.traces = traces;
        this.registry = registry;
        List.of("delivered", "failed").forEach(this::deliveries);
        SegmentConfig.Subscriptions tuning = config.subscriptions();
        this.every = tuning.deliverEvery();
        this.lease = tuning.lease();
        this.subscriptions = subscriptions;
        this.memberships = memberships;
        this.mapper = mapper;
        this.clock = clock;
        this.batch = tuning.batch();
        this.idle = tuning.poll();
        this.timeout = tuning.timeout();
        this.backoff = new Backoff(tuning.backoffBase(), tuning.backoffMax());
        this.outbound = outbound;
        this.context = vertx.getOrCreateContext();
        // A fresh connection per delivery: a pooled one the subscriber closed meanwhile (a restart, even on the same
        // port) failed the next delivery, and a page of up to a thousand changes is worth its handshake.
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true).setForceSni(true).setKeepAlive(false)
                // Its trace context is the delivery's (the first change's trace), set below, not the event loop's.
                .setTracingPolicy(TracingPolicy.IGNORE));
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
        for (Optional<Subscriptions.Claim> claim = subscriptions.claimDue(lease); claim.isPresent();
                claim = subscriptions.claimDue(lease)) {
            if (deliver(claim.get())) {
                acknowledged++;
            }
        }
        return acknowledged;
    }

    private boolean deliver(Subscriptions.Claim claim) {
        ChangePage page = memberships.changes(claim.segments(), claim.cursor(), batch);
        if (page.changes().isEmpty()) {
            subscriptions.acknowledged(claim.id(), claim.cursor(), idle);
            return false;
        }
        try (var span = traces.start("segment feed delivery", SpanKind.CLIENT,
                page.changes().stream().map(Change::traceparent).toList())) {
            span.attribute("rekindle.subscription", claim.id()).attribute("rekindle.changes", page.changes().size());
            OutboundUrls.Target target = outbound.check(claim.callbackUrl());
            byte[] body = mapper.writeValueAsBytes(new Delivery(claim.id(), page.changes(), page.next()));
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                    .setAbsoluteURI(target.uri().toString())
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                    .setFollowRedirects(false).setIdleTimeout(timeout.toMillis())
                    .putHeader("Content-Type", "application/json")
                    .putHeader(CallbackSignature.HEADER,
                            CallbackSignature.sign(claim.secret(), clock.instant().getEpochSecond(), body));
            traces.inject(request::putHeader);
            if (claim.authorization() != null) {
                request.putHeader("Authorization", claim.authorization());
            }
            CompletableFuture<Integer> answered = new CompletableFuture<>();
            // On its own context, Vert.x hands the response to the body handler in the tick it arrives; called from
            // this (worker) thread, a short answer could end before body() listened, and the delivery waited out
            // its timeout: about one request in 1,500 on a 2-core machine, and a subscriber's feed stalled 10 s.
            context.runOnContext(ignored -> http.request(request)
                    .compose(r -> r.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(received -> response.statusCode()))
                    .onSuccess(answered::complete).onFailure(answered::completeExceptionally));
            int status = answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (status / 100 != 2) {
                return failed(claim, "HTTP " + status);
            }
            // A full page means more is waiting: due again at once.
            subscriptions.acknowledged(claim.id(), Long.parseLong(page.next()),
                    page.changes().size() == batch ? Duration.ZERO : idle);
            deliveries("delivered").increment();
            lag(page.changes());
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (OutboundUrls.RefusedUrlException e) {
            return failed(claim, "callback URL " + e.getMessage());
        } catch (ExecutionException e) {
            LOG.debugf(e.getCause(), "delivery to subscription %s failed", claim.id());
            return failed(claim, "could not deliver: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            return failed(claim, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(claim, "interrupted");
        }
    }

    /** {@code rekindle.feed.lag}: from a change to its subscriber's acknowledgement, by segment. */
    private void lag(List<Change> changes) {
        Instant now = clock.instant();
        for (Change change : changes) {
            Duration lag = Duration.between(change.at(), now);
            Timer.builder("rekindle.feed.lag").description("From a segment change to its consumer acting on it")
                    .tag("segment", change.segmentId()).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                    .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    private Counter deliveries(String result) {
        return Counter.builder("rekindle.subscription.deliveries").description("Change pages pushed to subscribers")
                .tag("result", result).register(registry);
    }

    private boolean failed(Subscriptions.Claim claim, String error) {
        deliveries("failed").increment();
        subscriptions.failed(claim.id(), error, backoff.after(claim.attempts() + 1, ThreadLocalRandom.current()));
        return false;
    }
}
