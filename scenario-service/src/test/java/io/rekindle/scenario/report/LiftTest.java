package io.rekindle.scenario.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Against published figures (Newcombe 1998) and a hand computation of the same formulas (Python, its
 * statistics.NormalDist for the normal quantiles): treatment 60 of 1,000 converted, holdout 10 of 250, each
 * conversion worth 50.
 */
class LiftTest {

    private static final GroupFigures TREATMENT = new GroupFigures(1_000, 60, 3_000, 150_000);
    private static final GroupFigures HOLDOUT = new GroupFigures(250, 10, 500, 25_000);

    /**
     * R. G. Newcombe, "Interval estimation for the difference between independent proportions: comparison of eleven
     * methods", Statistics in Medicine 17 (1998) 873-890, Table II, method 10, to the four decimals printed there.
     */
    @Test
    void newcombesIntervalMatchesHisPublishedExamples() {
        long[][] cases = { {56, 70, 48, 80}, {9, 10, 3, 10}, {5, 56, 0, 29}, {0, 10, 0, 20}, {0, 10, 0, 10},
            {10, 10, 0, 20}, {10, 10, 0, 10} };
        double[][] published = { {0.0524, 0.3339}, {0.1705, 0.8090}, {-0.0381, 0.1926}, {-0.1611, 0.2775},
            {-0.2775, 0.2775}, {0.6791, 1.0000}, {0.6075, 1.0000} };
        for (int i = 0; i < cases.length; i++) {
            long[] c = cases[i];
            Estimate e = ProportionDifference.of(c[0], c[1], c[2], c[3], 0.95);
            assertEquals(published[i][0], e.low(), 5e-5, "low of case " + i);
            assertEquals(published[i][1], e.high(), 5e-5, "high of case " + i);
        }
    }

    @Test
    void matchesTheHandComputation() {
        Lift lift = Lift.of(TREATMENT, HOLDOUT, null, null, null, 0.02, 30, 7);
        assertNull(lift.verdict());
        // 6% - 4%: Wilson 95% intervals of each rate combined; p where the low bound reaches zero.
        assertEquals(0.02, lift.conversion().difference(), 1e-12);
        assertEquals(-0.0146277276, lift.conversion().low(), 1e-9);
        assertEquals(0.0444948239, lift.conversion().high(), 1e-9);
        assertEquals(0.2215249532, lift.conversion().pValue(), 1e-6);
        assertEquals(0.5, lift.relative(), 1e-12);
        // Mixture SPRT blending normal mixtures at mde x 1, 4, 16, 64: V = sum of (x + .5) / (n + 1) x (1 - that) / n;
        // the blend's likelihood ratio is below 1 (p = 1) and reaches 20 at 0.0494048386 from the estimate.
        assertEquals(1.0, lift.conversionSequential().pValue(), 1e-12);
        assertEquals(-0.0294048386, lift.conversionSequential().low(), 1e-9);
        assertEquals(0.0694048386, lift.conversionSequential().high(), 1e-9);
        assertEquals("keep running", lift.conversionSequential().verdict());
        assertTrue(lift.conversionSequential().moreFirst() > 4 * lift.conversionSequential().moreSecond() - 5);
        // Revenue, tau = mde x 50 per buyer; variances 141000 / 999 and 24000 / 249 (the groups are summaries here,
        // so Welch's interval: 1 +- 1.96 x sqrt(141000 / 999 / 1000 + 24000 / 249 / 250))
        assertEquals(1.0, lift.revenuePerCustomer().difference(), 1e-12);
        assertEquals(-0.4224036861, lift.revenuePerCustomer().low(), 1e-6);
        assertEquals(2.4224036861, lift.revenuePerCustomer().high(), 1e-6);
        assertEquals(MeanDifference.WELCH, lift.revenuePerCustomer().method());
        assertEquals(1.0, lift.revenueSequential().pValue(), 1e-12);
        assertEquals(-1.4331726067, lift.revenueSequential().low(), 1e-8);
        // 4% -> 6% at 4:1 allocation, 5% two-sided, 80% power
        assertEquals(4_856, lift.neededTreatment());
        assertEquals(1_214, lift.neededHoldout());
        assertEquals(3_856, lift.stillNeededTreatment());
        assertEquals(964, lift.stillNeededHoldout());
    }

    /** The case the old report printed as +20.8 [+11.5, +30.2] with p = 0.213: a holdout converting 0 of 6. */
    @Test
    void aSmallHoldoutAtZeroGetsAWideIntervalThatAgreesWithItsTest() {
        GroupFigures treatment = new GroupFigures(48, 10, 500, 25_000);
        GroupFigures holdout = new GroupFigures(6, 0, 0, 0);
        Lift tooFew = Lift.of(treatment, holdout, null, null, null, 0.01, 30, 7);
        assertEquals("too few customers to tell: 48 treatment and 6 holdout measured, at least 30 in each needed",
                tooFew.verdict());
        assertNull(tooFew.conversion());

        Lift lift = Lift.of(treatment, holdout, null, null, null, 0.01, 5, 7);
        Estimate c = lift.conversion();
        assertTrue(c.low() < 0 && c.high() > 0.3, "Wilson's interval does not collapse at 0 of 6: " + c);
        assertTrue(c.pValue() > 0.05, c.toString());
        assertNull(lift.relative());
    }

    /**
     * The demo's cart scenario (2026-12-07): 299 of 515 against 10 of 55. A mixture at the mde's scale alone said
     * "keep running" (p 0.47) for a lift of 40 points with a fixed-horizon p below 0.001.
     */
    @Test
    void aLargeEffectIsConfirmedByTheBlendOfScales() {
        Lift lift = Lift.of(new GroupFigures(515, 299, 0, 0), new GroupFigures(55, 10, 0, 0), null, null, null, 0.01, 30, 7);
        assertEquals("enough evidence: treatment better", lift.conversionSequential().verdict());
        assertEquals(0.2078334850, lift.conversionSequential().low(), 1e-3);
        assertTrue(lift.conversionSequential().pValue() < 1e-8);
    }

    @Test
    void withoutAHoldoutThereIsNoLiftToClaim() {
        Lift lift = Lift.of(TREATMENT, new GroupFigures(0, 0, 0, 0), null, null, null, 0.01, 30, 7);
        assertNull(lift.conversion());
        assertNull(lift.neededHoldout());
        // 50% -> 100%, equal groups: (1.96 x sqrt(.75 x .25 x 2) + 0.8416 x sqrt(.25)) squared / .25 = 10.5
        assertArrayEquals(new long[] {11, 11}, Lift.sampleSize(0.5, 0.5, 1));
    }

    @Test
    void theQuantileInvertsTheCdf() {
        for (double p : new double[] {1e-9, 0.001, 0.0125, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999}) {
            assertEquals(p, Normal.cdf(Normal.quantile(p)), 2e-7 + p * 1e-6);
        }
        assertEquals(Normal.Z95, Normal.quantile(0.975), 1e-8);
    }
}
