package io.rekindle.segment.prediction;

/** A fitted model with what it was fitted on. */
public record BgNbdFit(BgNbdParameters parameters, double logLikelihood, int customers, int evaluations) {
}
