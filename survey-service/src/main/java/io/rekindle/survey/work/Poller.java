package io.rekindle.survey.work;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Runs a task again and again with a pause between runs, on a thread of its own. For work polled more often than
 * the Quarkus scheduler can fire (it checks its triggers once a second); a failing run is logged and the next one
 * still comes.
 */
public final class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    private final ScheduledExecutorService executor;

    private Poller(ScheduledExecutorService executor) {
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
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s failed; trying again in %s", name, pause);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(new Poller(executor));
    }

    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
