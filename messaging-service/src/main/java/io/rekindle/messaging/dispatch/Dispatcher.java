package io.rekindle.messaging.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.messaging.channel.EmailChannel;
import io.rekindle.messaging.channel.Outgoing;
import io.rekindle.messaging.channel.ProviderChannel;
import io.rekindle.messaging.channel.ProviderException;
import io.rekindle.messaging.channel.PushChannel;
import io.rekindle.messaging.channel.SmsChannel;
import io.rekindle.messaging.config.MessagingConfig;
import io.rekindle.messaging.links.PublicLinks;
import io.rekindle.messaging.links.TrackedHtml;
import io.rekindle.messaging.message.Category;
import io.rekindle.messaging.message.MessageQueue;
import io.rekindle.messaging.message.MessageState;
import io.rekindle.messaging.message.MessageStore.Sent;
import io.rekindle.messaging.message.MessageStore.Transition;
import io.rekindle.messaging.message.QueuedMessage;
import io.rekindle.messaging.offer.OfferDesk;
import io.rekindle.messaging.template.Channel;
import io.rekindle.messaging.template.Rendered;
import io.rekindle.messaging.template.TemplateData;
import io.rekindle.messaging.template.TemplateRenderer;
import io.rekindle.platform.work.Backoff;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.platform.work.Poller;

/**
 * Drains the message queue on any replica, a batch at a time. A batch is claimed with a lease; its customers'
 * profiles are read side by side; the {@link SendPolicy} decides every message under the customers' locks in one
 * transaction (which also reserves the cap slots); the messages to send are rendered and handed to their providers
 * concurrently, and each group of acceptances is marked sent as soon as it is in. A crash before the mark leaves the
 * lease to expire and the message is tried again: the only duplicate possible is one the provider accepted in the
 * moment before the commit of its group.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private final MessageQueue messages;
    private final int batchSize;
    private final CandidateLookup lookup;
    private final TemplateRenderer renderer;
    private final PublicLinks links;
    private final Map<Channel, ProviderChannel> channels;
    private final SendLedger ledger;
    private final SendPolicy policy;
    private final SendMeters meters;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;
    private final String every;
    private final int threads;
    private final ExecutorService senders;
    private final Traces traces;
    private final OfferDesk offers;
    private List<Poller> pollers = List.of();

    Dispatcher(MessageQueue messages, CandidateLookup lookup, TemplateRenderer renderer,
            PublicLinks links, EmailChannel email, SmsChannel sms, PushChannel push, SendLedger ledger,
            SendMeters meters, MessagingConfig config, Clock clock, Traces traces, OfferDesk offers) {
        this.traces = traces;
        this.offers = offers;
        this.meters = meters;
        SendingRules rules = config.sending();
        this.batchSize = rules.dispatchBatch();
        this.messages = messages;
        this.lookup = lookup;
        this.renderer = renderer;
        this.links = links;
        this.channels = Map.of(Channel.EMAIL, email, Channel.SMS, sms, Channel.PUSH, push);
        this.ledger = ledger;
        this.policy = new SendPolicy(new QuietHours(rules.quietHours()), rules.capWindow(), rules.capWindowByChannel(),
                new SendPolicy.RepeatGuard(rules.repeatLimit(), rules.repeatWindow()));
        this.backoff = new Backoff(rules.retryBase(), rules.retryMax());
        this.lease = rules.lease();
        this.maxAttempts = rules.maxAttempts();
        this.clock = clock;
        this.every = rules.dispatchEvery();
        this.threads = rules.dispatchThreads();
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(rules.sendThreads(), r -> {
            Thread t = new Thread(r, "sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Several draining threads per replica: each claims its own batches, so one batch's waits overlap another's. */
    void start(@Observes StartupEvent event) {
        pollers = java.util.stream.IntStream.rangeClosed(1, threads)
                .mapToObj(i -> Poller.start("dispatcher-" + i, every, this::drain)).flatMap(Optional::stream).toList();
    }

    void stop(@Observes ShutdownEvent event) {
        pollers.forEach(Poller::stop);
        senders.shutdown();
    }

    /** Processes every message due now; answers how many were handled. Runs on the poller's own thread. */
    @ActivateRequestContext
    public int drain() {
        int handled = 0;
        for (List<QueuedMessage> batch = messages.claimDue(batchSize, lease); !batch.isEmpty();
                batch = messages.claimDue(batchSize, lease)) {
            List<Transition> settled = new ArrayList<>();
            Map<String, Instant> retryAt = new LinkedHashMap<>();
            List<Candidate> candidates = lookup.candidates(batch, settled, retryAt, this::retryTime);
            List<Candidate> go = ledger.reserve(candidates, policy, lease, settled, retryAt);
            Map<String, Channel> channels = new HashMap<>();
            batch.forEach(m -> channels.put(m.id(), m.channel()));
            meters.settled(settled, channels);
            retryAt.keySet().forEach(id -> meters.retried(channels.get(id)));
            send(go, channels);
            handled += batch.size();
        }
        return handled;
    }

    /** A send's answer; a hand-off that timed out may still be accepted later ({@code lateAcceptance}). */
    private record Outcome(Sent sent, Transition notSent, CompletionStage<String> lateAcceptance) {

        Outcome(Sent sent, Transition notSent) {
            this(sent, notSent, null);
        }
    }

    /**
     * Hands the messages to their providers side by side and records the answers as they come: whatever has come
     * in is committed at once, while the rest are still on their way.
     */
    private void send(List<Candidate> go, Map<String, Channel> channels) {
        CompletionService<Outcome> done = new ExecutorCompletionService<>(senders);
        // The leases were just renewed: a message still waiting for a sender at half of its lease goes back to the
        // queue unsent, before another worker may take it over and send it too.
        Instant sendBy = clock.instant().plus(lease.dividedBy(2));
        go.forEach(k -> done.submit(() -> attempt(k, sendBy)));
        int pending = go.size();
        while (pending > 0) {
            List<Sent> sent = new ArrayList<>();
            List<Transition> notSent = new ArrayList<>();
            List<Outcome> unanswered = new ArrayList<>();
            for (Future<Outcome> next = take(done); next != null; next = pending > 0 ? done.poll() : null) {
                pending--;
                Outcome outcome = outcome(next);
                if (outcome.sent() != null) {
                    sent.add(outcome.sent());
                } else {
                    notSent.add(outcome.notSent());
                }
                if (outcome.lateAcceptance() != null) {
                    unanswered.add(outcome);
                }
            }
            ledger.settle(sent, notSent);
            sent.forEach(m -> meters.sent(channels.get(m.messageId()), 1));
            meters.settled(notSent, channels);
            // Only once the retry is recorded: a late acceptance then finds the message waiting for it.
            unanswered.forEach(o -> o.lateAcceptance().thenAcceptAsync(providerId -> acceptLate(
                    new Sent(o.notSent().messageId(), providerId), channels.get(o.notSent().messageId())), senders));
        }
    }

    /** A provider accepted a hand-off after its time limit: recorded as sent unless a retry has taken it already. */
    private void acceptLate(Sent sent, Channel channel) {
        try {
            if (ledger.acceptLate(sent)) {
                meters.sent(channel, 1);
            } else {
                LOG.infof("message %s was accepted late, after its retry had begun: it may arrive twice (same "
                        + "Message-ID)", sent.messageId());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not record the late acceptance of message %s", sent.messageId());
        }
    }

    /** One hand-off, in the trace of the request that queued the message. */
    private Outcome attempt(Candidate k, Instant sendBy) {
        QueuedMessage m = k.message();
        try (var span = traces.start("send " + m.channel().name().toLowerCase(), SpanKind.CLIENT, m.traceparent())) {
            span.attribute("rekindle.message", m.id());
            Outcome outcome = attemptNow(k, sendBy);
            if (outcome.sent() == null) {
                span.failed(outcome.notSent().detail());
            }
            return outcome;
        }
    }

    private Outcome attemptNow(Candidate k, Instant sendBy) {
        QueuedMessage m = k.message();
        if (!clock.instant().isBefore(sendBy)) {
            return notSent(m, MessageState.QUEUED, clock.instant(),
                    "waited for a sender until its lease ran short; queued again");
        }
        String unsubscribe = m.category() == Category.MARKETING ? links.unsubscribeUrl(m.id()) : null;
        Rendered content;
        try {
            content = render(k, unsubscribe);
        } catch (RuntimeException e) {
            return notSent(m, MessageState.FAILED, null,
                    "template did not render: " + TemplateRenderer.renderFailure(e));
        }
        var handoff = meters.startHandoff();
        try {
            String providerId = channels.get(m.channel()).send(new Outgoing(m.id(), k.recipient(), content,
                    unsubscribe));
            meters.handedOff(handoff, m.channel(), "accepted");
            return new Outcome(new Sent(m.id(), providerId), null);
        } catch (ProviderException e) {
            meters.handedOff(handoff, m.channel(), e.permanent() ? "refused" : "failed");
            Outcome notSent = e.permanent() || m.attempts() + 1 >= maxAttempts
                    ? notSent(m, MessageState.FAILED, null, e.getMessage())
                    : notSent(m, MessageState.QUEUED, retryTime(m), e.getMessage());
            return e.lateAcceptance() == null ? notSent : new Outcome(null, notSent.notSent(), e.lateAcceptance());
        }
    }

    private Rendered render(Candidate k, String unsubscribe) {
        QueuedMessage m = k.message();
        Profile profile = k.profile();
        String locale = m.locale() != null ? m.locale() : profile == null ? null : profile.locale();
        Rendered content = renderer.render(k.template(), locale, TemplateData.of(
                profile == null ? Map.of("customerId", m.customerId()) : profile.templateView(), offers.variables(m),
                k.recommended(), unsubscribe));
        if (m.channel() != Channel.EMAIL || content.html() == null) {
            return content;
        }
        return new Rendered(content.subject(), TrackedHtml.track(content.html(), unsubscribe,
                url -> links.clickUrl(m.id(), url), links.openPixelUrl(m.id())), content.text(), null, null, null,
                null);
    }

    private static Outcome notSent(QueuedMessage m, MessageState state, Instant due, String detail) {
        if (state == MessageState.FAILED) {
            LOG.debugf("message %s failed: %s", m.id(), detail);
        }
        return new Outcome(null, new Transition(m.id(), state, due, detail));
    }

    private Instant retryTime(QueuedMessage m) {
        return clock.instant().plus(backoff.after(m.attempts() + 1, ThreadLocalRandom.current()));
    }

    private static Future<Outcome> take(CompletionService<Outcome> done) {
        try {
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending; the unmarked messages go again after their lease", e);
        }
    }

    private static Outcome outcome(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
