package io.rekindle.scenario.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.platform.peers.PeerUnavailableException;
import io.rekindle.scenario.config.ScenarioConfig;
import io.rekindle.scenario.scenario.ScenarioDefinition;
import io.rekindle.scenario.scenario.ScenarioVersion;
import io.rekindle.scenario.scenario.StepType;
import io.rekindle.scenario.trigger.SegmentEntries;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.platform.work.Poller;

/**
 * Advances due enrollments on any replica: claims a batch under a lease (SKIP LOCKED), then round by round checks
 * every moving enrollment's exit rules and runs its current step, hands the round's sends over together, and commits
 * the round. A crash mid-step leaves the
 * lease to expire and the step to run again with the same side-effect key.
 */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final EnrollmentStore store;
    private final AttributionWindows windows;
    private final Profiles profiles;
    private final ExitCheck exits;
    private final StepRunner runner;
    private final Sends sends;
    private final EngineMeters meters;
    private final SegmentEntries entries;
    private final Clock clock;
    private final Traces traces;
    private final String every;
    private final int threads;
    private final Duration lease;
    private final int batchSize;
    private final int stepsPerPass;
    private final ConcurrentHashMap<String, ScenarioDefinition> versions = new ConcurrentHashMap<>();
    private List<Poller> pollers = List.of();

    Engine(EnrollmentStore store, AttributionWindows windows, Profiles profiles, ExitCheck exits, StepRunner runner,
            Sends sends, SegmentEntries entries, EngineMeters meters, Clock clock, Traces traces,
            ScenarioConfig config) {
        this.traces = traces;
        this.meters = meters;
        this.windows = windows;
        String every = config.engineEvery();
        int threads = config.engineThreads();
        this.lease = config.lease();
        this.batchSize = config.engineBatch();
        this.stepsPerPass = config.stepsPerPass();
        this.entries = entries;
        this.store = store;
        this.profiles = profiles;
        this.exits = exits;
        this.runner = runner;
        this.sends = sends;
        this.clock = clock;
        this.every = every;
        this.threads = threads;
    }

    void start(@Observes StartupEvent event) {
        pollers = java.util.stream.IntStream.range(0, threads)
                .mapToObj(i -> Poller.start("scenario-engine-" + i, every, this::runDue))
                .flatMap(Optional::stream).toList();
    }

    void stop(@Observes ShutdownEvent event) {
        pollers.forEach(Poller::stop);
    }

    /** Runs everything due now, after enrolling who entered a segment; answers how many enrollments were advanced. */
    @ActivateRequestContext
    public int runDue() {
        // What is due at the pass's start, once the feed has been read up to it: a moment's entries and its steps
        // are taken together, in one order.
        Instant now = clock.instant();
        entries.pollIfDue();
        int advanced = 0;
        for (List<EnrollmentRow> batch = store.claim(batchSize, lease, now); !batch.isEmpty();
                batch = store.claim(batchSize, lease, now)) {
            advance(batch);
            advanced += batch.size();
        }
        measureDue();
        return advanced;
    }

    /**
     * Closes attribution windows: an enrollment that ended without a purchase still converts if the customer bought
     * within the window; treatment and holdout are measured alike.
     */
    public void measureDue() {
        for (List<EnrollmentRow> batch = windows.claimDue(batchSize, lease); !batch.isEmpty();
                batch = windows.claimDue(batchSize, lease)) {
            List<Supplier<Optional<Profile>>> lookups = profiles.findAll(
                    batch.stream().map(EnrollmentRow::customerId).toList());
            for (int i = 0; i < batch.size(); i++) {
                EnrollmentRow e = batch.get(i);
                try {
                    Optional<Profile> profile = lookups.get(i).get();
                    Instant windowEnd = e.enteredAt().plus(Duration.ofDays(definition(e).attributionWindowDays()));
                    boolean bought = profile.isPresent() && ExitCheck.purchasedSinceEntry(e, profile.get())
                            && !profile.get().lastOrderAt().isAfter(windowEnd);
                    windows.close(e, bought ? profile.get().lastOrderAt() : null,
                            bought ? ExitCheck.revenueSinceEntry(e, profile.get()) : null);
                } catch (PeerUnavailableException ex) {
                    LOG.debugf("measurement of %s waits: %s", e.enrollmentId(), ex.getMessage());
                }
            }
        }
    }

    /**
     * Advances a claimed batch step by step: each round runs the current step of every enrollment still moving (its
     * side effect made under its key), then commits the whole round in one transaction.
     */
    private void advance(List<EnrollmentRow> batch) {
        List<Run> runs = batch.stream().map(Run::new).toList();
        for (int round = 0; round < stepsPerPass; round++) {
            List<Run> moving = runs.stream().filter(r -> r.enrollment != null).toList();
            if (moving.isEmpty()) {
                return;
            }
            List<Run> stale = moving.stream().filter(r -> r.profileStale).toList();
            List<Supplier<Optional<Profile>>> lookups = profiles.findAll(
                    stale.stream().map(r -> r.enrollment.customerId()).toList());
            for (int i = 0; i < stale.size(); i++) {
                stale.get(i).lookup = lookups.get(i);
            }
            List<EnrollmentStore.Decision> decisions = sends.handOver(moving.stream().map(Run::decide).toList());
            List<EnrollmentRow> after = store.commitAll(decisions);
            meters.committed(decisions);
            for (int i = 0; i < moving.size(); i++) {
                moving.get(i).moved(after.get(i));
            }
        }
        List<EnrollmentStore.Decision> unfinished = runs.stream().filter(r -> r.enrollment != null)
                .map(r -> EnrollmentStore.Decision.retry(r.enrollment, clock.instant())).toList();
        if (!unfinished.isEmpty()) {
            store.commitAll(unfinished);
            meters.committed(unfinished);
        }
    }

    /** One enrollment's run of steps within a batch. */
    private final class Run {

        EnrollmentRow enrollment;
        /** The profile asked for at the start of the round, while stale. */
        Supplier<Optional<Profile>> lookup;
        private Optional<Profile> profile;
        private boolean profileStale = true;

        Run(EnrollmentRow enrollment) {
            this.enrollment = enrollment;
        }

        /** The current step's decision, in the trace of what enrolled the customer. */
        EnrollmentStore.Decision decide() {
            EnrollmentRow e = enrollment;
            try (var span = traces.start("journey step", SpanKind.INTERNAL, e.traceparent())) {
                span.attribute("rekindle.scenario", e.scenarioId()).attribute("rekindle.step", e.currentStep());
                return decide(e);
            }
        }

        private EnrollmentStore.Decision decide(EnrollmentRow e) {
            try {
                ScenarioDefinition scenario = definition(e);
                // One look at the profile per run of steps (they happen at the same moment), again after one changed it;
                // the round's looks are asked for together.
                if (profileStale) {
                    profile = lookup.get();
                    profileStale = false;
                }
                profileStale = scenario.step(e.currentStep()).map(s -> s.type() == StepType.SET_ATTRIBUTE)
                        .orElse(false);
                Instant now = clock.instant();
                Transition t;
                if (profile.isEmpty()) {
                    t = new Transition.End(Outcome.GONE, null, null, List.of());
                } else {
                    Transition.End exit = exits.check(e, scenario, profile.get(), now);
                    t = exit != null ? exit : runner.run(e, scenario, profile.get(), now);
                }
                return new EnrollmentStore.Decision(e, t, scenario.attributionWindowDays(), null);
            } catch (PeerUnavailableException ex) {
                LOG.debugf("enrollment %s waits: %s", e.enrollmentId(), ex.getMessage());
                return EnrollmentStore.Decision.failed(e, false, ex.getMessage());
            } catch (RuntimeException ex) {
                LOG.errorf(ex, "enrollment %s failed at step %s; retried later", e.enrollmentId(), e.currentStep());
                return EnrollmentStore.Decision.failed(e, true, ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
        }

        void moved(EnrollmentRow after) {
            enrollment = after;
        }
    }

    private ScenarioDefinition definition(EnrollmentRow e) {
        return versions.computeIfAbsent(e.scenarioId() + "#" + e.version(), k -> ScenarioVersion
                .<ScenarioVersion>find("scenarioId = ?1 and version = ?2", e.scenarioId(), e.version())
                .firstResult().definition);
    }
}
