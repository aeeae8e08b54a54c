package io.rekindle.segment.metrics;

import java.time.LocalDate;

/**
 * RFM scores, 1 to 5 with 5 best, over customers with a counted order in the window. {@code percentile} is where the
 * combined score R+F+M stands among them (cumulative share, 0-100), so "bottom 20%" is {@code percentile <= 20}.
 */
public record Rfm(int recency, int frequency, int monetary, String score, int total, String cell,
        double percentile, LocalDate asOf) {

    public static Rfm of(int r, int f, int m, double percentile, LocalDate asOf) {
        return new Rfm(r, f, m, "" + r + f + m, r + f + m, RfmCell.of(r, f, m), percentile, asOf);
    }
}
