package io.rekindle.segment.metrics;

import java.util.Arrays;

/**
 * Quintile scores over a population, as RFM scores them: ceil(5 x cume_dist) with values ordered from worst to best,
 * where cume_dist is the share of values no better than this one, so ties share a score. The least value of each
 * score from 2 to 5 (the cutoffs) places a value from outside the population the same way.
 */
public final class Quintiles {

    private Quintiles() {
    }

    /**
     * 1 to 5 per value, in input order; a higher value scores higher. Computed as the cutoffs of a sorted copy, then
     * each value against them: one primitive sort and sequential passes (a comparator sort of boxed indexes, or a
     * binary search per value, spent seconds on cache misses at a few million values).
     */
    public static int[] scores(double[] values) {
        double[] cutoffs = cutoffs(values);
        int[] scores = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = score(cutoffs, values[i]);
        }
        return scores;
    }

    /**
     * The least value scoring 2, 3, 4 and 5; a score no value reached gets the cutoff of the next one up (or +inf),
     * so {@link #score} never gives it. Ties share the score of the count past their last equal.
     */
    public static double[] cutoffs(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] least = new double[5];
        Arrays.fill(least, Double.POSITIVE_INFINITY);
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            int score = (int) ((5L * (j + 1) + n - 1) / n);
            least[score - 1] = Math.min(least[score - 1], sorted[i]);
            i = j + 1;
        }
        double[] cutoffs = new double[4];
        double above = Double.POSITIVE_INFINITY;
        for (int s = 5; s >= 2; s--) {
            above = Math.min(above, least[s - 1]);
            cutoffs[s - 2] = above;
        }
        return cutoffs;
    }

    /** The score of a value against cutoffs from {@link #cutoffs}. */
    public static int score(double[] cutoffs, double value) {
        int score = 1;
        for (double cutoff : cutoffs) {
            if (value >= cutoff) {
                score++;
            }
        }
        return score;
    }

    /** For each value, how many values are less than or equal to it: the index past its last equal in a sorted copy. */
    static long[] countAtOrBelow(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        long[] counts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            counts[i] = pastLastAtOrBelow(sorted, values[i]);
        }
        return counts;
    }

    private static int pastLastAtOrBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
