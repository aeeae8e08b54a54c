package io.rekindle.segment.metrics;

import java.util.Arrays;

/**
 * RFM scoring over a population: a dimension's score is ceil(5 x cume_dist) with customers ordered from worst to
 * best, where cume_dist is the share of customers no better than this one, so ties share a score. Integer arithmetic
 * keeps the boundaries exact. The percentile is the cume_dist of R+F+M in percent.
 */
public final class RfmScorer {

    private RfmScorer() {
    }

    /** Scores, in input order: {@code [i] = {r, f, m}} and the percentile of each customer. */
    public record Scores(int[][] rfm, double[] percentile) {
    }

    /**
     * @param recencyDays days since the last order (lower is better)
     * @param orders      orders in the window (higher is better)
     * @param revenue     revenue in the window (higher is better)
     */
    public static Scores score(int[] recencyDays, int[] orders, double[] revenue) {
        int n = recencyDays.length;
        double[] recencyGoodness = new double[n];
        double[] frequency = new double[n];
        for (int i = 0; i < n; i++) {
            recencyGoodness[i] = -recencyDays[i];
            frequency[i] = orders[i];
        }
        int[] r = quintiles(recencyGoodness);
        int[] f = quintiles(frequency);
        int[] m = quintiles(revenue);
        int[][] rfm = new int[n][];
        double[] totals = new double[n];
        for (int i = 0; i < n; i++) {
            rfm[i] = new int[] { r[i], f[i], m[i] };
            totals[i] = r[i] + f[i] + m[i];
        }
        long[] atOrBelow = countAtOrBelow(totals);
        double[] percentile = new double[n];
        for (int i = 0; i < n; i++) {
            percentile[i] = 100.0 * atOrBelow[i] / n;
        }
        return new Scores(rfm, percentile);
    }

    /** ceil(5 x cume_dist), higher value = better. */
    static int[] quintiles(double[] values) {
        long[] atOrBelow = countAtOrBelow(values);
        int n = values.length;
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = (int) ((5 * atOrBelow[i] + n - 1) / n);
        }
        return scores;
    }

    /** For each value, how many values are less than or equal to it. */
    private static long[] countAtOrBelow(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        long[] counts = new long[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                counts[order[k]] = j + 1;
            }
            i = j + 1;
        }
        return counts;
    }
}
