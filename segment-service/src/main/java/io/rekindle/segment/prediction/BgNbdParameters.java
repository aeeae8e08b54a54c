package io.rekindle.segment.prediction;

/** BG/NBD parameters: purchase rates are Gamma(r, alpha), dropout probabilities Beta(a, b); time in the data's unit. */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    public BgNbdParameters {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive: " + r + ", " + alpha + ", " + a + ", " + b);
        }
    }
}
