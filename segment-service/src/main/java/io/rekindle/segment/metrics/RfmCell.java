package io.rekindle.segment.metrics;

/** The usual names for regions of the recency x frequency grid, with monetary value breaking the "can't lose" tie. */
public final class RfmCell {

    private RfmCell() {
    }

    public static String of(int r, int f, int m) {
        if (r >= 4 && f >= 4) {
            return "Champions";
        }
        if (r <= 2 && f >= 4 && m >= 4) {
            return "Can't lose";
        }
        if (r <= 2 && f >= 3) {
            return "At risk";
        }
        if (r >= 3 && f >= 3) {
            return "Loyal";
        }
        if (r == 5 && f == 1) {
            return "New customers";
        }
        if (r >= 4) {
            return f == 1 ? "Promising" : "Potential loyalists";
        }
        if (r == 3) {
            return f == 1 ? "About to sleep" : "Need attention";
        }
        if (r == 2) {
            return "Hibernating";
        }
        return "Lost";
    }
}
