package io.rekindle.segment.metrics;

import java.math.BigDecimal;
import java.time.Instant;

/** A counted (placed) order as the metrics see it. */
public record Purchase(Instant placedAt, BigDecimal total, String category) {
}
