package io.rekindle.segment.prediction;

import java.time.Instant;
import java.time.LocalDate;

/** A fitted BG/NBD model as stored: time in days, fitted on the order history up to the end of {@code asOf}. */
public record StoredModel(LocalDate asOf, double r, double alpha, double a, double b, double logLikelihood,
        int customers, Instant fittedAt) {

    public BgNbdModel model() {
        return new BgNbdModel(new BgNbdParameters(r, alpha, a, b));
    }
}
