package io.rekindle.scenario.report;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Treatment against holdout. The fixed-horizon figures: the difference in conversion rate ({@link ProportionDifference})
 * and in revenue per customer ({@link MeanDifference}), each with a 95% interval and the p-value that agrees with it,
 * valid when read once at the planned sample size (the sizes a test needs to detect {@code minimumDetectableEffect} at
 * 5% with 80% power); the relative lift as a point figure; and the always-valid readings ({@link Sequential}) to use
 * when the report is read as it fills; and the same differences adjusted for pre-entry behaviour ({@link Adjusted}),
 * narrower when the past predicts the window. Below {@code minimumGroupSize} customers in either group there are no figures,
 * only {@code verdict} saying so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lift(
        @Schema(description = "Set when the groups are too small to tell anything") String verdict,
        Estimate conversion,
        @Schema(description = "Treatment's conversion rate over the holdout's, minus 1") Double relative,
        Estimate revenuePerCustomer,
        @Schema(description = "The same differences adjusted for pre-entry behaviour (CUPED)") Adjusted adjusted,
        @Schema(description = "Always valid, however often read") Sequential conversionSequential,
        Sequential revenueSequential,
        String fixedHorizonNote,
        long minimumGroupSize,
        double minimumDetectableEffect,
        Long neededTreatment, Long neededHoldout, Long stillNeededTreatment, Long stillNeededHoldout) {

    static final String FIXED_HORIZON_NOTE = "The fixed-horizon p-values and intervals are valid when read once, at "
            + "the planned sample size (neededTreatment, neededHoldout); before that, read the sequential figures.";

    static Lift of(GroupFigures treatment, GroupFigures holdout, Revenues treatmentRevenue, Revenues holdoutRevenue,
            Adjusted adjusted, double mde, long minimumGroup, long seed) {
        Long[] needed = {null, null, null, null};
        if (treatment.customers() > 0 && holdout.customers() > 0) {
            long[] sizes = sampleSize(holdout.conversionRate(), mde,
                    (double) treatment.customers() / holdout.customers());
            needed = new Long[] {sizes[0], sizes[1], Math.max(0, sizes[0] - treatment.customers()),
                    Math.max(0, sizes[1] - holdout.customers())};
        }
        if (treatment.customers() < minimumGroup || holdout.customers() < minimumGroup) {
            String verdict = String.format(Locale.ROOT, "too few customers to tell: %d treatment and %d holdout "
                    + "measured, at least %d in each needed", treatment.customers(), holdout.customers(), minimumGroup);
            return new Lift(verdict, null, null, null, null, null, null, FIXED_HORIZON_NOTE, minimumGroup, mde, needed[0],
                    needed[1], needed[2], needed[3]);
        }
        long n1 = treatment.customers();
        long n0 = holdout.customers();
        Estimate conversion = ProportionDifference.of(treatment.converted(), n1, holdout.converted(), n0, 0.95);
        Double relative = holdout.converted() == 0 ? null : treatment.conversionRate() / holdout.conversionRate() - 1;
        Estimate revenue = MeanDifference.of(orSummary(treatmentRevenue, treatment),
                orSummary(holdoutRevenue, holdout), 0.95, seed);
        return new Lift(null, conversion, relative, revenue, adjusted,
                Sequential.of(conversion.difference(), conversionVariance(treatment, holdout), mde, n1, n0, " points"),
                revenueSequential(treatment, holdout, revenue.difference(), mde), FIXED_HORIZON_NOTE, minimumGroup,
                mde, needed[0], needed[1], needed[2], needed[3]);
    }

    static Revenues orSummary(Revenues revenues, GroupFigures group) {
        return revenues != null ? revenues : Revenues.summarised(group);
    }

    /** Each rate smoothed by half a conversion, so a group at 0 or 1 still carries variance. */
    static double conversionVariance(GroupFigures a, GroupFigures b) {
        return smoothedVariance(a) + smoothedVariance(b);
    }

    private static double smoothedVariance(GroupFigures g) {
        double p = (g.converted() + 0.5) / (g.customers() + 1);
        return p * (1 - p) / g.customers();
    }

    /** The revenue worth finding: the conversion effect worth finding times what a buyer brings, pooled. */
    private static Sequential revenueSequential(GroupFigures a, GroupFigures b, double difference, double mde) {
        long buyers = a.converted() + b.converted();
        double perBuyer = buyers == 0 ? 0 : (a.revenue() + b.revenue()) / buyers;
        double variance = a.revenueVariance() / a.customers() + b.revenueVariance() / b.customers();
        return Sequential.of(difference, variance, mde * perBuyer, a.customers(), b.customers(), " per customer");
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
