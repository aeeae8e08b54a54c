package io.rekindle.scenario.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Hand computation (the same formulas, with Python's statistics.NormalDist for the normal quantiles and CDF):
 * treatment 60 of 1,000 converted, holdout 10 of 250, each conversion worth 50.
 */
class LiftTest {

    private static final GroupFigures TREATMENT = new GroupFigures(1_000, 60, 3_000, 150_000);
    private static final GroupFigures HOLDOUT = new GroupFigures(250, 10, 500, 25_000);

    @Test
    void matchesTheHandComputation() {
        Lift lift = Lift.of(TREATMENT, HOLDOUT, 0.02);
        // 6% - 4%, se = sqrt(.06 x .94 / 1000 + .04 x .96 / 250) = 0.0144914
        assertEquals(0.02, lift.absolute(), 1e-12);
        assertEquals(-0.0084025765, lift.absoluteLow(), 1e-9);
        assertEquals(0.0484025765, lift.absoluteHigh(), 1e-9);
        // 6% / 4% - 1, interval on ln(1.5) +- 1.96 x sqrt(.94 / 60 + .96 / 10)
        assertEquals(0.5, lift.relative(), 1e-12);
        assertEquals(-0.2207999690, lift.relativeLow(), 1e-9);
        assertEquals(1.8875768871, lift.relativeHigh(), 1e-9);
        // pooled 70 / 1250: z = 0.02 / sqrt(.056 x .944 x (1/1000 + 1/250)) = 1.2302
        assertEquals(0.2186336094, lift.pValue(), 2e-7);
        // 3.00 - 2.00 per customer; variances 141000 / 999 and 24000 / 249
        assertEquals(1.0, lift.revenuePerCustomerDifference(), 1e-12);
        assertEquals(-0.4224036861, lift.revenueDifferenceLow(), 1e-9);
        assertEquals(2.4224036861, lift.revenueDifferenceHigh(), 1e-9);
        // 4% -> 6% at 4:1 allocation, 5% two-sided, 80% power
        assertEquals(4_856, lift.neededTreatment());
        assertEquals(1_214, lift.neededHoldout());
        assertEquals(3_856, lift.stillNeededTreatment());
        assertEquals(964, lift.stillNeededHoldout());
    }

    @Test
    void withoutAHoldoutThereIsNoLiftToClaim() {
        Lift lift = Lift.of(TREATMENT, new GroupFigures(0, 0, 0, 0), 0.01);
        assertNull(lift.absolute());
        assertNull(lift.pValue());
        // 50% -> 100%, equal groups: (1.96 x sqrt(.75 x .25 x 2) + 0.8416 x sqrt(.25)) squared / .25 = 10.5
        assertArrayEquals(new long[] {11, 11}, Lift.sampleSize(0.5, 0.5, 1));
    }
}
