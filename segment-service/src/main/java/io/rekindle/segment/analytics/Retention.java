package io.rekindle.segment.analytics;

import java.time.LocalDate;
import java.util.List;

/** {@code retained.get(k - 1)} is the share of the cohort that bought in month k after its first purchase month. */
public record Retention(LocalDate asOf, List<Cohort> cohorts) {

    public record Cohort(String cohort, long customers, List<Double> retained) {
    }
}
