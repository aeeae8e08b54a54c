package io.rekindle.segment.prediction;

/** A fitted spend model with what it was fitted on. */
public record GammaGammaFit(GammaGammaParameters parameters, double logLikelihood, int customers, int evaluations) {
}
