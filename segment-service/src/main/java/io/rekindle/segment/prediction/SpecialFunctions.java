package io.rekindle.segment.prediction;

/** The few special functions the BG/NBD formulas need. */
final class SpecialFunctions {

    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7 };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error around 1e-15). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection keeps the approximation in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** The digamma function psi(x) = d/dx ln Gamma(x), for x > 0: recurrence up to 10, then the asymptotic series. */
    static double digamma(double x) {
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        return result + Math.log(x) - 0.5 / x
                - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
    }

    /** ln B(a, b). */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** Gauss's hypergeometric 2F1(a, b; c; z) by its power series, for 0 <= z < 1. */
    static double hypergeometric2F1(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int j = 0; j < 100_000; j++) {
            term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-15 * Math.abs(sum)) {
                return sum;
            }
        }
        return sum;
    }
}
