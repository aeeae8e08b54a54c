package io.rekindle.segment.prediction;

/**
 * A repeat customer's spend in the Gamma-Gamma model's terms: {@code x} repeat purchases (purchase days after the
 * first) and {@code meanSpend} their average value; the first purchase is left out, as in the model.
 */
public record SpendHistory(int x, double meanSpend) {

    public SpendHistory {
        if (x < 1 || !(meanSpend > 0) || Double.isInfinite(meanSpend)) {
            throw new IllegalArgumentException("a spend history needs a repeat purchase of positive value: x=" + x
                    + " mean=" + meanSpend);
        }
    }
}
