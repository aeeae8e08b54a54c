package io.rekindle.segment.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RfmScorerTest {

    @Test
    void tiesShareTheHighestScoreOfTheirGroup() {
        // a..e: days since last order, orders and revenue in the window.
        RfmScorer.Scores scores = RfmScorer.score(new int[] { 0, 0, 30, 60, 213 }, new int[] { 3, 1, 2, 1, 1 },
                new double[] { 300, 50, 300, 20, 20 });
        assertArrayEquals(new int[] { 5, 5, 5 }, scores.rfm()[0]);
        assertArrayEquals(new int[] { 5, 3, 3 }, scores.rfm()[1]);
        assertArrayEquals(new int[] { 3, 4, 5 }, scores.rfm()[2]);
        assertArrayEquals(new int[] { 2, 3, 2 }, scores.rfm()[3]);
        assertArrayEquals(new int[] { 1, 3, 2 }, scores.rfm()[4]);
        assertArrayEquals(new double[] { 100, 60, 80, 40, 20 }, scores.percentile(), 1e-12);
    }
}
