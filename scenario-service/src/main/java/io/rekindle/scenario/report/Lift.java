package io.rekindle.scenario.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Treatment against holdout: absolute lift in conversion rate with a 95% Wald interval, relative lift with a 95%
 * interval on the log of the rate ratio, a two-sided p-value from the pooled two-proportion z-test, the difference in
 * revenue per customer with a 95% Welch interval, and the holdout and treatment sizes a test needs to detect
 * {@code minimumDetectableEffect} (absolute) at 5% significance with 80% power at the current allocation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lift(Double absolute, Double absoluteLow, Double absoluteHigh, Double relative, Double relativeLow,
        Double relativeHigh, Double pValue, Double revenuePerCustomerDifference, Double revenueDifferenceLow,
        Double revenueDifferenceHigh, Double minimumDetectableEffect, Long neededTreatment, Long neededHoldout,
        Long stillNeededTreatment, Long stillNeededHoldout) {

    public static Lift of(GroupFigures treatment, GroupFigures holdout, double mde) {
        if (treatment.customers() == 0 || holdout.customers() == 0) {
            return new Lift(null, null, null, null, null, null, null, null, null, null, mde, null, null, null, null);
        }
        double n1 = treatment.customers();
        double n0 = holdout.customers();
        double p1 = treatment.conversionRate();
        double p0 = holdout.conversionRate();
        double absolute = p1 - p0;
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
        Double relative = null;
        Double relativeLow = null;
        Double relativeHigh = null;
        if (p0 > 0 && p1 > 0) {
            double logRatio = Math.log(p1 / p0);
            double seLog = Math.sqrt((1 - p1) / (n1 * p1) + (1 - p0) / (n0 * p0));
            relative = p1 / p0 - 1;
            relativeLow = Math.exp(logRatio - Normal.Z95 * seLog) - 1;
            relativeHigh = Math.exp(logRatio + Normal.Z95 * seLog) - 1;
        }
        double pooled = (treatment.converted() + holdout.converted()) / (n1 + n0);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
        Double pValue = sePooled == 0 ? null : 2 * (1 - Normal.cdf(Math.abs(absolute) / sePooled));
        double revenueDifference = treatment.revenuePerCustomer() - holdout.revenuePerCustomer();
        double seRevenue = Math.sqrt(treatment.revenueVariance() / n1 + holdout.revenueVariance() / n0);
        long[] needed = sampleSize(p0, mde, n1 / n0);
        return new Lift(absolute, absolute - Normal.Z95 * se, absolute + Normal.Z95 * se, relative, relativeLow,
                relativeHigh, pValue, revenueDifference, revenueDifference - Normal.Z95 * seRevenue,
                revenueDifference + Normal.Z95 * seRevenue, mde, needed[0], needed[1],
                Math.max(0, needed[0] - (long) n1), Math.max(0, needed[1] - (long) n0));
    }

    /**
     * Treatment and holdout sizes to detect p0 -> p0 + mde with a two-sided 5% test at 80% power, treatment being
     * {@code ratio} times the holdout (Fleiss' formula for unequal groups, without continuity correction).
     */
    static long[] sampleSize(double p0, double mde, double ratio) {
        double p1 = Math.min(p0 + mde, 1);
        double pBar = (p1 * ratio + p0) / (ratio + 1);
        double a = Normal.Z95 * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / ratio));
        double b = Normal.Z80 * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1) / ratio);
        double holdout = Math.ceil(Math.pow(a + b, 2) / (mde * mde));
        return new long[] {(long) Math.ceil(holdout * ratio), (long) holdout};
    }
}
