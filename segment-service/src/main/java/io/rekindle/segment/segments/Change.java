package io.rekindle.segment.segments;

import java.time.Instant;

/** One entry or exit; {@code cursor} orders all changes of all segments. */
public record Change(String cursor, String segmentId, String customerId, ChangeKind kind, Instant at) {
}
