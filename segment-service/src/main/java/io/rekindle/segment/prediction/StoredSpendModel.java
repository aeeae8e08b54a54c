package io.rekindle.segment.prediction;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fitted Gamma-Gamma spend model as stored: fitted on the repeat buyers' orders up to the end of {@code asOf}. */
public record StoredSpendModel(LocalDate asOf, double p, double q, double gamma,
        @Schema(description = "The mean spend per transaction across customers, p gamma / (q - 1); absent when q <= 1")
        Double populationMeanSpend,
        double logLikelihood, int customers, Instant fittedAt) {

    public GammaGammaParameters parameters() {
        return new GammaGammaParameters(p, q, gamma);
    }
}
