package io.rekindle.scenario.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One A/B variant against the holdout, or against another variant. With m comparisons in a report each interval is
 * at 1 - 0.05 / m (Bonferroni), so all of them hold together at 95%: "variant B beats A" is said only when its
 * interval leaves out zero at that level. Groups below the minimum size are compared with no figures.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantComparison(String first, String second, long firstCustomers, long secondCustomers,
        Estimate conversion, Estimate revenuePerCustomer) {

    static final String HOLDOUT = "holdout";

    /** Every variant against the holdout, then each pair of variants, when there are at least two variants. */
    static List<VariantComparison> all(Map<String, GroupFigures> variants, Map<String, Revenues> revenues,
            GroupFigures holdout, Revenues holdoutRevenue, long minimumGroup, long seed) {
        if (variants.size() < 2) {
            return List.of();
        }
        List<String> names = new ArrayList<>(variants.keySet());
        int m = names.size() + names.size() * (names.size() - 1) / 2;
        double confidence = 1 - 0.05 / m;
        List<VariantComparison> all = new ArrayList<>();
        for (String v : names) {
            all.add(compare(v, variants.get(v), revenues.get(v), HOLDOUT, holdout, holdoutRevenue, confidence,
                    minimumGroup, seed));
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String b = names.get(j);
                all.add(compare(a, variants.get(a), revenues.get(a), b, variants.get(b), revenues.get(b), confidence,
                        minimumGroup, seed));
            }
        }
        return all;
    }

    private static VariantComparison compare(String first, GroupFigures a, Revenues aRevenue, String second,
            GroupFigures b, Revenues bRevenue, double confidence, long minimumGroup, long seed) {
        if (a.customers() < minimumGroup || b.customers() < minimumGroup) {
            return new VariantComparison(first, second, a.customers(), b.customers(), null, null);
        }
        return new VariantComparison(first, second, a.customers(), b.customers(),
                ProportionDifference.of(a.converted(), a.customers(), b.converted(), b.customers(), confidence),
                MeanDifference.of(Lift.orSummary(aRevenue, a), Lift.orSummary(bRevenue, b), confidence, seed));
    }
}
