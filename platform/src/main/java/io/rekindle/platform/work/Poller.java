package io.rekindle.platform.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Runs a task again and again with a pause between runs, on a thread of its own. For work polled more often than
 * the Quarkus scheduler can fire (it checks its triggers once a second). A failing pass, an {@link Error} as much as
 * an exception, is logged once (the first of a run of failures, with its stack trace; the recovery after it) and the
 * next pass still comes: an uncaught throwable would end the schedule for good. Each poller reports its last
 * successful pass to readiness ({@link PollerReadiness}).
 */
public final class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);
    /** After this many failed passes in a row the service reports itself not ready. */
    static final int FAILURES_BEFORE_NOT_READY = 3;
    static final Map<String, Poller> RUNNING = new ConcurrentHashMap<>();

    private final String name;
    private final ScheduledExecutorService executor;
    private volatile Instant lastSuccess;
    private volatile int failuresInARow;
    private volatile String lastFailure;

    private Poller(String name, ScheduledExecutorService executor) {
        this.name = name;
        this.executor = executor;
    }

    /** Starts polling unless the pause is "off" (tests drive the task themselves). */
    public static Optional<Poller> start(String name, String pause, Runnable task) {
        if ("off".equals(pause)) {
            return Optional.empty();
        }
        Duration every = DurationConverter.parseDuration(pause);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        Poller poller = new Poller(name, executor);
        executor.scheduleWithFixedDelay(() -> poller.pass(task, pause), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        RUNNING.put(name, poller);
        return Optional.of(poller);
    }

    void pass(Runnable task, String pause) {
        try {
            task.run();
            if (failuresInARow > 0) {
                LOG.infof("%s works again after %d failed passes", name, failuresInARow);
            }
            failuresInARow = 0;
            lastSuccess = Instant.now();
        } catch (Throwable e) {
            if (failuresInARow == 0) {
                LOG.warnf(e, "%s failed; trying again every %s (logged once until it works again)", name, pause);
            }
            failuresInARow++;
            lastFailure = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    /** When the task last ran to its end; empty before the first pass did. */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    public int failuresInARow() {
        return failuresInARow;
    }

    public Optional<String> lastFailure() {
        return failuresInARow == 0 ? Optional.empty() : Optional.ofNullable(lastFailure);
    }

    public boolean ready() {
        return failuresInARow < FAILURES_BEFORE_NOT_READY;
    }

    public void stop() {
        RUNNING.remove(name, this);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
