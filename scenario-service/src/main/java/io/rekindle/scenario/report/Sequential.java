package io.rekindle.scenario.report;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An always-valid reading of a difference: the mixture sequential probability ratio test (Johari, Pekelis and Walsh,
 * "Always valid inference", 2017), its p-value and its confidence sequence valid however often the report is read, so a
 * marketer may look every morning and stop the day it says "enough evidence". The mixture over the effect is an equal
 * blend of normal mixtures at four scales (tau, 4 tau, 16 tau, 64 tau): a blend of test martingales is one, and a single
 * small scale would need many customers to confirm an effect far larger than it. The confidence sequence is the set of
 * effects the test does not reject, so it excludes zero exactly when the p-value is below 1 - confidence.
 */
public record Sequential(
        @Schema(description = "Always-valid p-value against no effect") double pValue,
        double low,
        double high,
        @Schema(description = "enough evidence: treatment better / worse / no effect larger than tau; or keep running")
        String verdict,
        @Schema(description = "With keep running: about how many more customers in the first group") Long moreFirst,
        @Schema(description = "With keep running: about how many more customers in the second group") Long moreSecond) {

    static final double ALPHA = 0.05;
    static final double[] SCALES = {1, 4, 16, 64};

    /**
     * @param difference the estimate
     * @param variance its variance (sum of each group's variance over its size)
     * @param tau the smallest mixture scale: the size of effect worth finding; also the "no effect larger than" bound
     */
    static Sequential of(double difference, double variance, double tau, long first, long second, String unit) {
        if (variance <= 0 || tau <= 0) {
            return new Sequential(1, difference, difference, "keep running: no variation to measure yet", null, null);
        }
        double p = Math.min(1, 1 / likelihoodRatio(difference, variance, tau));
        double half = halfWidth(variance, tau);
        double low = difference - half;
        double high = difference + half;
        if (low > 0) {
            return new Sequential(p, low, high, "enough evidence: treatment better", null, null);
        }
        if (high < 0) {
            return new Sequential(p, low, high, "enough evidence: treatment worse", null, null);
        }
        if (low > -tau && high < tau) {
            return new Sequential(p, low, high, "enough evidence: no effect larger than "
                    + String.format(Locale.ROOT, "%.4g", tau) + unit, null, null);
        }
        // Either way out needs the sequence narrower than this, the estimate staying where it is.
        double needed = Math.max(Math.abs(difference), tau - Math.abs(difference));
        double factor = 1;
        while (halfWidth(variance / factor, tau) >= needed && factor < 1e7) {
            factor *= 1.05;
        }
        return new Sequential(p, low, high, "keep running", Math.round((factor - 1) * first),
                Math.round((factor - 1) * second));
    }

    /** The blend's likelihood ratio of an estimate this far from the tested effect. */
    static double likelihoodRatio(double distance, double variance, double tau) {
        double sum = 0;
        for (double scale : SCALES) {
            double tau2 = scale * scale * tau * tau;
            sum += Math.sqrt(variance / (variance + tau2))
                    * Math.exp(tau2 * distance * distance / (2 * variance * (variance + tau2)));
        }
        return sum / SCALES.length;
    }

    /**
     * Half the width of the confidence sequence: the distance at which the likelihood ratio reaches 1 / alpha (it
     * grows with the distance), by bisection up to where one scale alone would reach it at alpha / 4.
     */
    static double halfWidth(double variance, double tau) {
        double hi = Double.MAX_VALUE;
        for (double scale : SCALES) {
            double tau2 = scale * scale * tau * tau;
            hi = Math.min(hi, Math.sqrt(2 * variance * (variance + tau2) / tau2
                    * Math.log(Math.sqrt((variance + tau2) / variance) * SCALES.length / ALPHA)));
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
            double mid = (lo + hi) / 2;
            if (likelihoodRatio(mid, variance, tau) >= 1 / ALPHA) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
