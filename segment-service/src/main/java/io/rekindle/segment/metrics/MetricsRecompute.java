package io.rekindle.segment.metrics;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.rekindle.segment.analytics.StoreAnalytics;
import io.rekindle.segment.prediction.BgNbdModels;
import io.rekindle.segment.prediction.StoredModel;

/**
 * The full computation of the population-relative figures: RFM scores, the store's purchase latency and the BG/NBD
 * fit. Runs daily and on demand; per-customer figures are computed on read and need no recompute.
 */
@ApplicationScoped
public class MetricsRecompute {

    private static final Logger LOG = Logger.getLogger(MetricsRecompute.class);

    private final RfmScores rfm;
    private final StoreAnalytics analytics;
    private final StoreStatsRepository stats;
    private final BgNbdModels models;
    private final Clock clock;
    private final RecomputeLock lock;
    private final MetricsMaterializer materializer;

    MetricsRecompute(RecomputeLock lock, MetricsMaterializer materializer, RfmScores rfm, StoreAnalytics analytics, StoreStatsRepository stats, BgNbdModels models,
            Clock clock) {
        this.lock = lock;
        this.materializer = materializer;
        this.rfm = rfm;
        this.analytics = analytics;
        this.stats = stats;
        this.models = models;
        this.clock = clock;
    }

    public record Outcome(LocalDate asOf, int customers, int rfmCustomers, Double firstToSecondDays,
            StoredModel model, long millis) {
    }

    /** Recomputes RFM and store figures and refits the model as of the end of {@code day} (or now when null). */
    @Transactional
    public Outcome recompute(LocalDate day) {
        // Replicas share the work by not doing it twice: whoever holds the lock recomputes, the others skip.
        if (!lock.tryLock()) {
            throw new IllegalStateException("a recompute is already running");
        }
        AsOf asOf = AsOf.of(day, clock);
        long started = System.nanoTime();
        int scored = rfm.recompute(asOf);
        Double latency = analytics.purchaseLatency(asOf).firstToSecondDays();
        stats.save(new StoreStats(asOf.day(), latency, clock.instant()));
        StoredModel model = models.fit(asOf).orElse(null);
        int customers = materializer.recomputeAll(asOf, java.util.Optional.ofNullable(model));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Metrics recomputed as of %s in %d ms (%d customers, %d scored)", asOf.day(), millis, customers,
                scored);
        return new Outcome(asOf.day(), customers, scored, latency, model, millis);
    }

    @Scheduled(cron = "{rekindle.metrics.recompute-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            recompute(null);
        } catch (IllegalStateException e) {
            LOG.info("Daily recompute skipped: " + e.getMessage());
        }
    }
}
