package io.rekindle.segment.metrics;

import io.rekindle.segment.prediction.Potential;

/** One customer's figures from their orders and the store's models; prediction and potential null without them. */
record Appraisal(PurchaseSummary summary, Prediction prediction, Potential potential) {
}
