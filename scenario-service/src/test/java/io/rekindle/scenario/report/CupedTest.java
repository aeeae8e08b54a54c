package io.rekindle.scenario.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Against a hand computation (Python, statistics.variance and NormalDist) on ten customers: treatment pre-entry
 * revenue x = 0, 100, 50, 0, 200 and revenue in the window y = 0, 80, 0, 30, 150; holdout x = 0, 100, 0, 60, 0 and
 * y = 0, 50, 0, 0, 20. theta = cov(x, y) / var(x) over all ten; each y - theta (x - mean x); Welch's interval.
 */
class CupedTest {

    private static final double[] XT = {0, 100, 50, 0, 200};
    private static final double[] YT = {0, 80, 0, 30, 150};
    private static final double[] XH = {0, 100, 0, 60, 0};
    private static final double[] YH = {0, 50, 0, 0, 20};

    static Cuped.Moments moments(double[] xs, double[] ys, long n) {
        Cuped.Moments m = new Cuped.Moments(n, 0, 0, 0, 0, 0);
        for (int i = 0; i < xs.length; i++) {
            m = m.plus(new Cuped.Moments(0, xs[i], xs[i] * xs[i], ys[i], ys[i] * ys[i], xs[i] * ys[i]));
        }
        return m;
    }

    @Test
    void fromTheGroupsSumsMatchesTheHandComputation() {
        CupedEstimate e = Cuped.of(new Cuped.Sample(moments(XT, YT, 5), null, null),
                new Cuped.Sample(moments(XH, YH, 5), null, null), 0.95, 7);
        assertEquals(0.6527812422050386, e.theta(), 1e-12);
        assertEquals(0.8850297339173062, e.correlation(), 1e-12);
        assertEquals(13.194312796208532, e.estimate().difference(), 1e-9);
        assertEquals(-15.51594909081033, e.estimate().low(), 1e-6);
        assertEquals(41.904574683227395, e.estimate().high(), 1e-6);
        assertEquals(0.3677284912062315, e.estimate().pValue(), 1e-6);
        assertEquals(0.7642038370283705, e.varianceReduction(), 1e-9);
        assertEquals(MeanDifference.WELCH, e.estimate().method());
    }

    @Test
    void fromEachCustomerTheSameAdjustmentIsResampled() {
        // Only the customers with a non-zero figure are listed; the rest of each group is (0, 0).
        double[] xt = {100, 50, 0, 200};
        double[] yt = {80, 0, 30, 150};
        double[] xh = {100, 60, 0};
        double[] yh = {50, 0, 20};
        CupedEstimate e = Cuped.of(new Cuped.Sample(moments(xt, yt, 5), xt, yt),
                new Cuped.Sample(moments(xh, yh, 5), xh, yh), 0.95, 7);
        assertEquals(13.194312796208532, e.estimate().difference(), 1e-9);
        assertEquals(0.7642038370283705, e.varianceReduction(), 1e-9);
        assertEquals(MeanDifference.BOOTSTRAP, e.estimate().method());
        assertTrue(e.estimate().low() < e.estimate().difference() && e.estimate().difference() < e.estimate().high());
    }

    @Test
    void withoutAnyPreEntryFigureItIsThePlainDifference() {
        double[] none = new double[5];
        CupedEstimate e = Cuped.of(new Cuped.Sample(moments(none, YT, 5), null, null),
                new Cuped.Sample(moments(none, YH, 5), null, null), 0.95, 7);
        Estimate plain = MeanDifference.of(Revenues.of(5, YT), Revenues.of(5, YH), 0.95, 7);
        assertEquals(0, e.theta());
        assertEquals(0, e.varianceReduction(), 1e-12);
        assertEquals(plain.difference(), e.estimate().difference(), 1e-12);
        assertEquals(new Revenues(5, null, 260, 0).mean() - new Revenues(5, null, 70, 0).mean(),
                e.estimate().difference(), 1e-12);
    }
}
