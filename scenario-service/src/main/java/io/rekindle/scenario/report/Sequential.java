package io.rekindle.scenario.report;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An always-valid reading of a difference: the mixture sequential probability ratio test (Johari, Pekelis and Walsh,
 * "Always valid inference", 2017) with a normal mixture of scale {@code tau} on the effect. Its p-value and its
 * confidence sequence stay valid however often the report is read, so a marketer may look every morning and stop the
 * day it says "enough evidence". The confidence sequence is the set of effects the test does not reject; it excludes
 * zero exactly when the always-valid p-value is below 1 - confidence.
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

    /**
     * @param difference the estimate
     * @param variance its variance (sum of each group's variance over its size)
     * @param tau the mixture's scale: the size of effect worth finding; also the "no effect larger than" bound
     */
    static Sequential of(double difference, double variance, double tau, long first, long second, String unit) {
        if (variance <= 0 || tau <= 0) {
            return new Sequential(1, difference, difference, "keep running: no variation to measure yet", null, null);
        }
        double tau2 = tau * tau;
        double lambda = Math.sqrt(variance / (variance + tau2))
                * Math.exp(tau2 * difference * difference / (2 * variance * (variance + tau2)));
        double p = Math.min(1, 1 / lambda);
        double half = halfWidth(variance, tau2);
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
        while (halfWidth(variance / factor, tau2) >= needed && factor < 1e7) {
            factor *= 1.05;
        }
        return new Sequential(p, low, high, "keep running", Math.round((factor - 1) * first),
                Math.round((factor - 1) * second));
    }

    /** Half the width of the confidence sequence: where the mixture likelihood ratio reaches 1 / alpha. */
    static double halfWidth(double variance, double tau2) {
        return Math.sqrt(2 * variance * (variance + tau2) / tau2
                * Math.log(Math.sqrt((variance + tau2) / variance) / ALPHA));
    }
}
