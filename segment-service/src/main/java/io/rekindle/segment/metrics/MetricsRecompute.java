package io.rekindle.segment.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.rekindle.segment.prediction.BgNbdModels;
import io.rekindle.segment.prediction.SpendModels;
import io.rekindle.segment.prediction.StoredModel;
import io.rekindle.segment.prediction.StoredSpendModel;

/**
 * The full computation of the population-relative figures: RFM scores, the store's purchase latency and the BG/NBD
 * fit. Runs daily and on demand; per-customer figures are computed on read and need no recompute.
 */
@ApplicationScoped
public class MetricsRecompute {

    private static final Logger LOG = Logger.getLogger(MetricsRecompute.class);

    private final RfmScores rfm;
    private final StoreScan scan;
    private final StoreStatsRepository stats;
    private final BgNbdModels models;
    private final SpendModels spendModels;
    private final Clock clock;
    private final RecomputeLock lock;
    private final MetricsMaterializer materializer;
    private final StorePassMemory memory;
    private final Valuations valuations;

    MetricsRecompute(RecomputeLock lock, MetricsMaterializer materializer, RfmScores rfm, StoreScan scan,
            StoreStatsRepository stats, BgNbdModels models, SpendModels spendModels, Clock clock,
            StorePassMemory memory, Valuations valuations) {
        this.valuations = valuations;
        this.memory = memory;
        this.spendModels = spendModels;
        this.lock = lock;
        this.materializer = materializer;
        this.rfm = rfm;
        this.scan = scan;
        this.stats = stats;
        this.models = models;
        this.clock = clock;
    }

    public record Outcome(LocalDate asOf, int customers, int rfmCustomers, Double firstToSecondDays,
            StoredModel model, StoredSpendModel spendModel, long millis, java.util.Map<String, Long> phaseMillis) {

        /** The same outcome with one more phase timed after it. */
        public Outcome withPhase(String phase, long phaseMillis) {
            java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>(this.phaseMillis);
            phases.put(phase, phaseMillis);
            return new Outcome(asOf, customers, rfmCustomers, firstToSecondDays, model, spendModel, millis + phaseMillis,
                    phases);
        }
    }

    /**
     * Recomputes RFM and store figures, refits the model and rewrites every customer's figures as of the end of
     * {@code day} (or now when null). Large stores take a while: the transaction may run for up to 15 minutes.
     * {@link FullRecompute} then recomputes the segments.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Outcome recompute(LocalDate day) {
        // Replicas share the work by not doing it twice: whoever holds the lock recomputes, the others skip.
        if (!lock.tryLock()) {
            throw new IllegalStateException("a recompute is already running");
        }
        memory.widen();
        AsOf asOf = AsOf.of(day, clock);
        Stopwatch watch = new Stopwatch();
        StoreSnapshot snapshot = scan.scan(asOf);
        watch.lap("orderScan");
        Map<String, Rfm> scores = snapshot.rfm();
        rfm.save(scores);
        int scored = scores.size();
        watch.lap("rfm");
        Double latency = snapshot.latency().firstToSecondDays();
        StoredModel model = models.fit(asOf, snapshot.histories()).orElse(null);
        watch.lap("bgnbdFit");
        StoredSpendModel spendModel = spendModels.fit(asOf, snapshot.spendHistories()).orElse(null);
        watch.lap("spendFit");
        Valuation valuation = valuations.of(model, spendModel);
        Map<String, Appraisal> appraisals = materializer.appraise(snapshot, valuation);
        ValueCutoffs cutoffs = ValueCutoffs.of(appraisals.values());
        stats.save(new StoreStats(asOf.day(), latency, cutoffs, clock.instant()));
        int customers = materializer.recomputeAll(asOf, appraisals, valuation.placing(cutoffs));
        watch.lap("customerMetrics");
        LOG.infof("Metrics recomputed as of %s in %d ms (%d customers, %d scored): %s", asOf.day(), watch.total(),
                customers, scored, watch.laps());
        return new Outcome(asOf.day(), customers, scored, latency, model, spendModel, watch.total(), watch.laps());
    }


    /** Milliseconds per phase, in order. */
    private static final class Stopwatch {
        private final long started = System.nanoTime();
        private long last = started;
        private final java.util.Map<String, Long> laps = new java.util.LinkedHashMap<>();

        void lap(String phase) {
            long now = System.nanoTime();
            laps.put(phase, (now - last) / 1_000_000);
            last = now;
        }

        long total() {
            return (last - started) / 1_000_000;
        }

        java.util.Map<String, Long> laps() {
            return laps;
        }
    }
}
