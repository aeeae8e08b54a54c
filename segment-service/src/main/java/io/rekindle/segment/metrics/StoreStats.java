package io.rekindle.segment.metrics;

import java.time.Instant;
import java.time.LocalDate;

/** Store-level figures of the last full computation; valueCutoffs null before the first since customer value. */
public record StoreStats(LocalDate asOf, Double firstToSecondDays, ValueCutoffs valueCutoffs, Instant computedAt) {
}
