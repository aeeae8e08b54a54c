package io.rekindle.segment.prediction;

/**
 * Gamma-Gamma parameters (Fader and Hardie, "The Gamma-Gamma Model of Monetary Value", 2013): a transaction's value
 * is Gamma(p, nu) around the customer's mean, and nu is Gamma(q, gamma) across customers.
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    public GammaGammaParameters {
        if (!(p > 0 && q > 0 && gamma > 0) || Double.isInfinite(p + q + gamma)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive: " + p + ", " + q + ", "
                    + gamma);
        }
    }

    /** The mean spend per transaction across customers, p gamma / (q - 1); infinite when q <= 1. */
    public double populationMeanSpend() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * A customer's expected spend per transaction given x repeat purchases of mean value m (equation 5): a weighted
     * mean of the population's and the customer's own, the customer's weight growing with x. Without a repeat
     * purchase (x = 0) it is the population's.
     */
    public double expectedSpend(int x, double meanSpend) {
        if (x == 0) {
            return populationMeanSpend();
        }
        return p * (gamma + meanSpend * x) / (p * x + q - 1);
    }
}
