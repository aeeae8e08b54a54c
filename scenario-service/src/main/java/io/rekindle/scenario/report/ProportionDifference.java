package io.rekindle.scenario.report;

/**
 * The difference of two proportions with Newcombe's hybrid score interval (his method 10: Wilson score intervals of
 * each rate, combined), valid for small groups and for rates at or near 0 and 1, where the Wald interval collapses.
 * Its p-value inverts the same interval: the smallest level at which the interval leaves out zero, so the 95% interval
 * excludes zero exactly when p < 0.05.
 */
final class ProportionDifference {

    static final String METHOD = "Newcombe hybrid score interval; p-value by inverting it";

    private ProportionDifference() {
    }

    static Estimate of(long x1, long n1, long x0, long n0, double confidence) {
        double z = Normal.quantile(1 - (1 - confidence) / 2);
        double[] bounds = bounds(x1, n1, x0, n0, z);
        return new Estimate((double) x1 / n1 - (double) x0 / n0, bounds[0], bounds[1], pValue(x1, n1, x0, n0),
                confidence, METHOD);
    }

    /** Wilson's score interval of x in n at this z. */
    static double[] wilson(long x, long n, double z) {
        double p = (double) x / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    static double[] bounds(long x1, long n1, long x0, long n0, double z) {
        double p1 = (double) x1 / n1;
        double p0 = (double) x0 / n0;
        double[] w1 = wilson(x1, n1, z);
        double[] w0 = wilson(x0, n0, z);
        double d = p1 - p0;
        return new double[] {d - Math.sqrt(sq(p1 - w1[0]) + sq(w0[1] - p0)),
                d + Math.sqrt(sq(w1[1] - p1) + sq(p0 - w0[0]))};
    }

    /**
     * The z at which the bound on zero's side reaches zero (the bounds widen as z grows), found by bisection, as a
     * two-sided p-value; 1 when the rates are equal.
     */
    static double pValue(long x1, long n1, long x0, long n0) {
        double d = (double) x1 / n1 - (double) x0 / n0;
        if (d == 0) {
            return 1;
        }
        int side = d > 0 ? 0 : 1;
        double lo = 0;
        double hi = 40;
        if (excludesZero(x1, n1, x0, n0, hi, side)) {
            return 0;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (excludesZero(x1, n1, x0, n0, mid, side)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Normal.twoSided(lo);
    }

    private static boolean excludesZero(long x1, long n1, long x0, long n0, double z, int side) {
        double[] b = bounds(x1, n1, x0, n0, z);
        return side == 0 ? b[0] > 0 : b[1] < 0;
    }

    private static double sq(double v) {
        return v * v;
    }
}
