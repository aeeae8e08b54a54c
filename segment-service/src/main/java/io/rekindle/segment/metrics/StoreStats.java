package io.rekindle.segment.metrics;

import java.time.Instant;
import java.time.LocalDate;

public record StoreStats(LocalDate asOf, Double firstToSecondDays, Instant computedAt) {
}
