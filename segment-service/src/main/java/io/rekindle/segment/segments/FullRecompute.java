package io.rekindle.segment.segments;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.rekindle.segment.health.BaseHealth;
import io.rekindle.segment.metrics.MetricsRecompute;

/**
 * The daily (and on-demand) full recompute: every customer's figures in one transaction, then each segment's members
 * in a transaction of its own, so readers wait only for the short rewrite of customer_metrics.
 */
@ApplicationScoped
public class FullRecompute {

    private static final Logger LOG = Logger.getLogger(FullRecompute.class);

    private final MetricsRecompute metrics;
    private final Segments segments;
    private final BaseHealth health;

    FullRecompute(MetricsRecompute metrics, Segments segments, BaseHealth health) {
        this.metrics = metrics;
        this.segments = segments;
        this.health = health;
    }

    public MetricsRecompute.Outcome run(LocalDate day) {
        MetricsRecompute.Outcome outcome = metrics.recompute(day);
        long started = System.nanoTime();
        segments.all().forEach(segment -> segments.recompute(segment.id(), false));
        outcome = outcome.withPhase("segments", (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        segments.scheduleNextChanges();
        outcome = outcome.withPhase("scheduleNextChanges", (System.nanoTime() - started) / 1_000_000);
        if (day == null) {
            // A backtest (asOf) recomputes figures for a past day but the members are today's: nothing to record.
            health.takeToday();
        }
        return outcome;
    }

    @Scheduled(cron = "{rekindle.metrics.recompute-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            run(null);
        } catch (IllegalStateException e) {
            LOG.info("Daily recompute skipped: " + e.getMessage());
        }
    }
}
