package io.rekindle.segment.metrics;

/**
 * RFM scoring over a population: each dimension scores in {@link Quintiles}, customers ordered from worst to best.
 * The percentile is the cume_dist of R+F+M in percent.
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
        int[] r = Quintiles.scores(recencyGoodness);
        int[] f = Quintiles.scores(frequency);
        int[] m = Quintiles.scores(revenue);
        int[][] rfm = new int[n][];
        double[] totals = new double[n];
        for (int i = 0; i < n; i++) {
            rfm[i] = new int[] { r[i], f[i], m[i] };
            totals[i] = r[i] + f[i] + m[i];
        }
        long[] atOrBelow = Quintiles.countAtOrBelow(totals);
        double[] percentile = new double[n];
        for (int i = 0; i < n; i++) {
            percentile[i] = 100.0 * atOrBelow[i] / n;
        }
        return new Scores(rfm, percentile);
    }
}
