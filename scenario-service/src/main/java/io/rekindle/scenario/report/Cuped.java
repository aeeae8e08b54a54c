package io.rekindle.scenario.report;

/**
 * CUPED (Deng, Xu, Kohavi and Walker, 2013): each customer's outcome y is adjusted by what the same customer did
 * before entry, x, as {@code y - theta * (x - mean x)}, with {@code theta = cov(x, y) / var(x)} over both groups
 * together. Assignment does not depend on x, so the difference of adjusted means estimates the same lift as the plain
 * one, with its variance multiplied by {@code 1 - rho^2} (rho: the correlation of x and y). The adjusted values go
 * through the same interval and test as the plain ones ({@link MeanDifference}); x comes from before entry only.
 */
final class Cuped {

    private Cuped() {
    }

    /** One group's sums over its customers of the covariate x, the outcome y, and their squares and product. */
    record Moments(long n, double sx, double sxx, double sy, double syy, double sxy) {

        static final Moments NONE = new Moments(0, 0, 0, 0, 0, 0);

        Moments plus(Moments o) {
            return new Moments(n + o.n, sx + o.sx, sxx + o.sxx, sy + o.sy, syy + o.syy, sxy + o.sxy);
        }

        double meanX() {
            return n == 0 ? 0 : sx / n;
        }

        double varianceX() {
            return n < 2 ? 0 : (sxx - sx * sx / n) / (n - 1);
        }

        double varianceY() {
            return n < 2 ? 0 : (syy - sy * sy / n) / (n - 1);
        }

        double covariance() {
            return n < 2 ? 0 : (sxy - sx * sy / n) / (n - 1);
        }
    }

    /**
     * A group: its moments and, when small enough to resample, the (x, y) of each customer with either non-zero
     * (everyone else is (0, 0)); {@code xs} and {@code ys} are null otherwise.
     */
    record Sample(Moments moments, double[] xs, double[] ys) {

        Sample {
            if ((xs == null) != (ys == null) || xs != null && xs.length != ys.length) {
                throw new IllegalArgumentException("xs and ys go together");
            }
        }
    }

    /** The adjusted difference between the groups, first minus second. */
    static CupedEstimate of(Sample first, Sample second, double confidence, long seed) {
        Moments pooled = first.moments().plus(second.moments());
        double theta = pooled.varianceX() == 0 ? 0 : pooled.covariance() / pooled.varianceX();
        double meanX = pooled.meanX();
        Revenues a = adjusted(first, theta, meanX);
        Revenues b = adjusted(second, theta, meanX);
        Estimate estimate = MeanDifference.of(a, b, confidence, seed);
        double plain = first.moments().varianceY() / first.moments().n()
                + second.moments().varianceY() / second.moments().n();
        double after = a.variance() / a.customers() + b.variance() / b.customers();
        double correlation = pooled.varianceX() == 0 || pooled.varianceY() == 0 ? 0
                : pooled.covariance() / Math.sqrt(pooled.varianceX() * pooled.varianceY());
        return new CupedEstimate(estimate, theta, correlation, plain == 0 ? 0 : 1 - after / plain);
    }

    /** The group's adjusted outcomes: whole when the customers are at hand, else their sum and sum of squares. */
    private static Revenues adjusted(Sample group, double theta, double meanX) {
        Moments m = group.moments();
        double shift = theta * meanX;
        if (group.xs() != null) {
            double[] values = new double[(int) m.n()];
            java.util.Arrays.fill(values, shift);
            for (int i = 0; i < group.xs().length; i++) {
                values[i] = group.ys()[i] - theta * group.xs()[i] + shift;
            }
            return Revenues.of(m.n(), values);
        }
        // sum (y - theta x + shift)^2, expanded so only the group's sums are needed
        double sum = m.sy() - theta * m.sx() + m.n() * shift;
        double squares = m.syy() + theta * theta * m.sxx() + m.n() * shift * shift - 2 * theta * m.sxy()
                + 2 * shift * m.sy() - 2 * theta * shift * m.sx();
        return new Revenues(m.n(), null, sum, squares);
    }
}
