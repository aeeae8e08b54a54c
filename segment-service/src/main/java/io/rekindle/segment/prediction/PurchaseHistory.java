package io.rekindle.segment.prediction;

/**
 * One customer's calibration summary in the paper's terms: {@code x} repeat purchase days, {@code tx} the time of the
 * last purchase day and {@code t} the length of observation, both measured from the first purchase.
 */
public record PurchaseHistory(int x, double tx, double t) {

    public PurchaseHistory {
        if (x < 0 || tx < 0 || t < tx || (x == 0 && tx != 0)) {
            throw new IllegalArgumentException("inconsistent history x=" + x + " tx=" + tx + " T=" + t);
        }
    }
}
