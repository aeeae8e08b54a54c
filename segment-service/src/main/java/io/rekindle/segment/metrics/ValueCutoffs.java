package io.rekindle.segment.metrics;

import java.util.Collection;

/**
 * The quintile cutoffs ({@link Quintiles#cutoffs}) of buyers' current value (revenue to date) and potential value
 * (expected revenue of the next 12 months) in the last full computation; null where no buyer had the figure.
 */
public record ValueCutoffs(double[] current, double[] potential) {

    static ValueCutoffs of(Collection<Appraisal> appraisals) {
        double[] current = appraisals.stream().filter(a -> a.summary().orderCount() > 0)
                .mapToDouble(a -> a.summary().revenue().doubleValue()).toArray();
        double[] potential = appraisals.stream().filter(a -> a.potential() != null)
                .mapToDouble(a -> a.potential().expectedRevenue()).toArray();
        return new ValueCutoffs(cutoffs(current), cutoffs(potential));
    }

    private static double[] cutoffs(double[] values) {
        return values.length == 0 ? null : Quintiles.cutoffs(values);
    }

    /** The current value's quintile, null without an order or cutoffs. */
    Integer currentQuintile(Appraisal a) {
        return current == null || a.summary().orderCount() == 0 ? null
                : Quintiles.score(current, a.summary().revenue().doubleValue());
    }

    /** The potential value's quintile, null without a potential or cutoffs. */
    Integer potentialQuintile(Appraisal a) {
        return potential == null || a.potential() == null ? null
                : Quintiles.score(potential, a.potential().expectedRevenue());
    }
}
