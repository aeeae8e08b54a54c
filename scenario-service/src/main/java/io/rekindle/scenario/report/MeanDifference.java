package io.rekindle.scenario.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The difference in revenue per customer between two groups. Revenue is far from normal at a shop's sizes (most
 * customers bring 0, a few a lot), so while both groups are small enough to hold ({@link #RESAMPLED_UP_TO} customers)
 * the interval is a percentile bootstrap and the p-value is read off the same resamples (twice the share on the far
 * side of zero), which makes them agree exactly; larger groups use Welch's normal interval and its z-test, where the
 * central limit theorem has done its work.
 */
final class MeanDifference {

    static final int RESAMPLED_UP_TO = 20_000;
    static final int RESAMPLES = 4_000;
    static final String BOOTSTRAP = "percentile bootstrap (4,000 resamples); p-value from the same resamples";
    static final String WELCH = "Welch normal interval; p-value from its z-test";

    private MeanDifference() {
    }

    /** {@code seed} makes a report read twice show the same figures. */
    static Estimate of(Revenues first, Revenues second, double confidence, long seed) {
        double difference = first.mean() - second.mean();
        if (first.amounts() != null && second.amounts() != null) {
            return bootstrap(first, second, difference, confidence, seed);
        }
        double se = Math.sqrt(first.variance() / first.customers() + second.variance() / second.customers());
        double z = Normal.quantile(1 - (1 - confidence) / 2);
        double p = se == 0 ? (difference == 0 ? 1 : 0) : Normal.twoSided(difference / se);
        return new Estimate(difference, difference - z * se, difference + z * se, p, confidence, WELCH);
    }

    private static Estimate bootstrap(Revenues first, Revenues second, double difference, double confidence,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            differences[b] = resampledMean(first, random) - resampledMean(second, random);
        }
        Arrays.sort(differences);
        long atOrBelow = Arrays.stream(differences).filter(d -> d <= 0).count();
        long atOrAbove = Arrays.stream(differences).filter(d -> d >= 0).count();
        double p = Math.min(1, 2.0 * Math.min(atOrBelow, atOrAbove) / RESAMPLES);
        // The bounds sit where fewer than RESAMPLES * alpha / 2 resamples lie beyond them: the low bound is above
        // zero exactly when fewer than that many are at or below zero, that is when p < alpha.
        int j = (int) Math.ceil(RESAMPLES * (1 - confidence) / 2) - 1;
        return new Estimate(difference, differences[Math.max(0, j)], differences[RESAMPLES - 1 - Math.max(0, j)], p,
                confidence, BOOTSTRAP);
    }

    /** A resample of the group's customers, with replacement: each draw a buyer's amount or one of the zeros. */
    private static double resampledMean(Revenues group, SplittableRandom random) {
        long n = group.customers();
        double[] amounts = group.amounts();
        double sum = 0;
        for (long i = 0; i < n; i++) {
            long pick = random.nextLong(n);
            if (pick < amounts.length) {
                sum += amounts[(int) pick];
            }
        }
        return sum / n;
    }
}
