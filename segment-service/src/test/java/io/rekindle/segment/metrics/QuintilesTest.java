package io.rekindle.segment.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class QuintilesTest {

    @Test
    void quintileBoundariesAreExact() {
        // Ten distinct values: two per quintile, whatever floating point would make of 5 x 0.6.
        assertArrayEquals(new int[] { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 },
                Quintiles.scores(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));
        assertArrayEquals(new int[] { 5, 5, 5 }, Quintiles.scores(new double[] { 7, 7, 7 }));
        assertArrayEquals(new int[] { 2, 4, 5 }, Quintiles.scores(new double[] { 1, 2, 3 }));
    }

    @Test
    void everyValueScoresTheCeilingOfFiveTimesItsCumulativeShare() {
        Random random = new Random(7);
        double[] values = new double[1_000];
        for (int i = 0; i < values.length; i++) {
            // Rounded, so many ties.
            values[i] = Math.round(random.nextGaussian() * 20) / 2.0;
        }

        int[] scores = Quintiles.scores(values);

        for (int i = 0; i < values.length; i++) {
            long atOrBelow = 0;
            for (double other : values) {
                atOrBelow += other <= values[i] ? 1 : 0;
            }
            assertEquals((int) Math.ceil(5.0 * atOrBelow / values.length), scores[i], "value " + values[i]);
        }
    }

    @Test
    void eachValueCountsTheValuesAtOrBelowIt() {
        Random random = new Random(11);
        double[] values = new double[2_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(50) - 25 + (random.nextBoolean() ? 0.5 : 0);
        }

        long[] counts = Quintiles.countAtOrBelow(values);

        for (int i = 0; i < values.length; i++) {
            long atOrBelow = 0;
            for (double other : values) {
                atOrBelow += other <= values[i] ? 1 : 0;
            }
            assertEquals(atOrBelow, counts[i], "value " + values[i]);
        }
    }

    @Test
    void aScoreNoValueReachedIsNeverGiven() {
        // Three equal values all score 5: anything below them scores 1, anything at or above 5.
        double[] values = { 7, 7, 7 };
        double[] cutoffs = Quintiles.cutoffs(values);

        assertArrayEquals(new double[] { 7, 7, 7, 7 }, cutoffs);
        assertEquals(1, Quintiles.score(cutoffs, 6.99));
        assertEquals(5, Quintiles.score(cutoffs, 7));
        assertEquals(5, Quintiles.score(cutoffs, 1e9));
    }
}
