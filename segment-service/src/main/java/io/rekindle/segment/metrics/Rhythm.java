package io.rekindle.segment.metrics;

/**
 * The customer's own purchase rhythm: days between orders, and how overdue they are against it ({@code basis} says
 * whether the store's cohort default stood in because they have fewer than two orders).
 */
public record Rhythm(Double averageGapDays, Double medianGapDays, Double overdueRatio, String basis) {

    public static Rhythm of(PurchaseSummary summary, Integer daysSinceLastOrder, Double cohortGapDays) {
        if (daysSinceLastOrder == null) {
            return new Rhythm(null, null, null, null);
        }
        if (summary.averageGapDays() != null && summary.averageGapDays() > 0) {
            return new Rhythm(summary.averageGapDays(), summary.medianGapDays(),
                    daysSinceLastOrder / summary.averageGapDays(), "own");
        }
        Double ratio = cohortGapDays == null || cohortGapDays <= 0 ? null : daysSinceLastOrder / cohortGapDays;
        return new Rhythm(summary.averageGapDays(), summary.medianGapDays(), ratio, ratio == null ? null : "cohort");
    }
}
