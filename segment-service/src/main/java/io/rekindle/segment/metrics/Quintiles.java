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

    /** 1 to 5 per value, in input order; a higher value scores higher. */
    public static int[] scores(double[] values) {
        long[] atOrBelow = countAtOrBelow(values);
        int n = values.length;
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = (int) ((5 * atOrBelow[i] + n - 1) / n);
        }
        return scores;
    }

    /**
     * The least value scoring 2, 3, 4 and 5; a score no value reached gets the cutoff of the next one up (or +inf),
     * so {@link #score} never gives it.
     */
    public static double[] cutoffs(double[] values, int[] scores) {
        double[] least = new double[5];
        Arrays.fill(least, Double.POSITIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            least[scores[i] - 1] = Math.min(least[scores[i] - 1], values[i]);
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

    /**
     * For each value, how many values are less than or equal to it: the index past its last equal in a sorted copy.
     * A primitive sort and a binary search per value; sorting boxed indexes with a comparator took seconds a
     * million values, most of RFM's and the value quintiles' time in the full recompute.
     */
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
