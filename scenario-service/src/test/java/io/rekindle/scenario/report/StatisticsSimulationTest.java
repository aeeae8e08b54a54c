package io.rekindle.scenario.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The report's statistics on simulated experiments, with fixed seeds. "Sampling error" is three standard errors of a
 * share over that many experiments (for 1,000 at 5%: 0.069).
 */
class StatisticsSimulationTest {

    private static final int EXPERIMENTS = 1_000;

    private static double slack(double share, int experiments) {
        return 3 * Math.sqrt(share * (1 - share) / experiments);
    }

    private static long binomial(SplittableRandom random, long n, double p) {
        long x = 0;
        for (long i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }

    @Test
    void inAaExperimentsTheFixedHorizonTestReadOnceRejectsAtMostFivePercent() {
        SplittableRandom random = new SplittableRandom(11);
        int rejected = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            long x1 = binomial(random, 800, 0.05);
            long x0 = binomial(random, 200, 0.05);
            if (ProportionDifference.of(x1, 800, x0, 200, 0.95).pValue() < 0.05) {
                rejected++;
            }
        }
        double share = (double) rejected / EXPERIMENTS;
        assertTrue(share <= 0.05 + slack(0.05, EXPERIMENTS), "rejected " + share);
    }

    @Test
    void inAaExperimentsTheSequentialTestReadAfterEveryBatchRejectsAtMostFivePercent() {
        SplittableRandom random = new SplittableRandom(13);
        int rejected = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            long n1 = 0;
            long n0 = 0;
            long x1 = 0;
            long x0 = 0;
            // Read after every batch of 100 treatment and 25 holdout customers, from the minimum group size up.
            for (int batch = 0; batch < 40; batch++) {
                x1 += binomial(random, 100, 0.05);
                x0 += binomial(random, 25, 0.05);
                n1 += 100;
                n0 += 25;
                if (n0 < 30) {
                    continue;
                }
                GroupFigures t = new GroupFigures(n1, x1, 0, 0);
                GroupFigures h = new GroupFigures(n0, x0, 0, 0);
                double difference = (double) x1 / n1 - (double) x0 / n0;
                if (Sequential.of(difference, Lift.conversionVariance(t, h), 0.02, n1, n0, "").pValue() < 0.05) {
                    rejected++;
                    break;
                }
            }
        }
        double share = (double) rejected / EXPERIMENTS;
        assertTrue(share <= 0.05 + slack(0.05, EXPERIMENTS), "rejected in " + share + " of the experiments");
    }

    @Test
    void theConversionIntervalCoversAKnownEffectNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(17);
        int covered = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            long x1 = binomial(random, 600, 0.08);
            long x0 = binomial(random, 150, 0.05);
            Estimate c = ProportionDifference.of(x1, 600, x0, 150, 0.95);
            if (c.low() <= 0.03 && 0.03 <= c.high()) {
                covered++;
            }
        }
        double share = (double) covered / EXPERIMENTS;
        assertEquals(0.95, share, slack(0.95, EXPERIMENTS), "covered " + share);
    }

    /** A shop's revenue: 6% of customers buy, for a log-normal amount around 60 (heavy right tail). */
    private static Revenues revenues(SplittableRandom random, int customers, double buyRate, double scale) {
        double[] amounts = random.doubles(customers).filter(u -> u < buyRate)
                .map(u -> scale * Math.exp(0.8 * gaussian(random))).toArray();
        return Revenues.of(customers, amounts);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void theRevenueIntervalCoversAKnownEffectAndAgreesWithItsTest() {
        SplittableRandom random = new SplittableRandom(19);
        int experiments = 200;
        // Mean per customer: rate x scale x exp(0.8^2 / 2); treatment 8% at 60, holdout 6% at 60.
        double trueDifference = (0.08 - 0.06) * 60 * Math.exp(0.32);
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            Revenues t = revenues(random, 400, 0.08, 60);
            Revenues h = revenues(random, 200, 0.06, 60);
            Estimate r = MeanDifference.of(t, h, 0.95, e);
            assertEquals(MeanDifference.BOOTSTRAP, r.method());
            assertEquals(r.conclusive(), r.pValue() < 0.05, r.toString());
            if (r.low() <= trueDifference && trueDifference <= r.high()) {
                covered++;
            }
        }
        double share = (double) covered / experiments;
        assertEquals(0.95, share, slack(0.95, experiments), "covered " + share);
    }

    @Test
    void everyIntervalExcludesZeroExactlyWhenItsTestRejects() {
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 5_000; i++) {
            long n1 = 1 + random.nextInt(400);
            long n0 = 1 + random.nextInt(400);
            long x1 = random.nextLong(n1 + 1);
            long x0 = random.nextLong(n0 + 1);
            for (double confidence : new double[] {0.95, 1 - 0.05 / 3}) {
                Estimate c = ProportionDifference.of(x1, n1, x0, n0, confidence);
                double alpha = 1 - confidence;
                if (Math.abs(c.pValue() - alpha) > 1e-6) {
                    assertEquals(c.conclusive(), c.pValue() < alpha, x1 + "/" + n1 + " vs " + x0 + "/" + n0 + ": " + c);
                }
            }
            double difference = random.nextGaussian() * 0.02;
            double variance = 1e-5 + random.nextDouble() * 1e-3;
            Sequential s = Sequential.of(difference, variance, 0.01, 100, 100, "");
            if (Math.abs(s.pValue() - 0.05) > 1e-9) {
                assertEquals(s.low() > 0 || s.high() < 0, s.pValue() < 0.05, s.toString());
            }
        }
    }

    /**
     * A store where pre-entry revenue x (exponential, mean 50) predicts the window's revenue y = x / 2 + noise with
     * correlation 0.6, and the treatment adds 5: CUPED's interval is sqrt(1 - 0.36) = 0.8 times as wide as the plain
     * one, and still covers the effect 95% of the time.
     */
    @Test
    void cupedNarrowsTheIntervalByWhatTheCorrelationPredictsAndStillCovers() {
        SplittableRandom random = new SplittableRandom(23);
        int experiments = 400;
        int n = 1_000;
        double ratios = 0;
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            Cuped.Sample[] groups = new Cuped.Sample[2];
            Revenues[] plain = new Revenues[2];
            for (int g = 0; g < 2; g++) {
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = -50 * Math.log(1 - random.nextDouble());
                    ys[i] = xs[i] / 2 + 33.333 * gaussian(random) + (g == 0 ? 5 : 0);
                }
                groups[g] = new Cuped.Sample(CupedTest.moments(xs, ys, n), null, null);
                plain[g] = Revenues.of(n, ys);
                plain[g] = new Revenues(n, null, plain[g].sum(), plain[g].sumOfSquares());
            }
            CupedEstimate adjusted = Cuped.of(groups[0], groups[1], 0.95, e);
            Estimate unadjusted = MeanDifference.of(plain[0], plain[1], 0.95, e);
            ratios += (adjusted.estimate().high() - adjusted.estimate().low())
                    / (unadjusted.high() - unadjusted.low());
            if (adjusted.estimate().low() <= 5 && 5 <= adjusted.estimate().high()) {
                covered++;
            }
        }
        assertEquals(0.8, ratios / experiments, 0.01, "mean width ratio");
        assertTrue((double) covered / experiments >= 0.95 - slack(0.05, experiments), "covered " + covered);
    }
}
