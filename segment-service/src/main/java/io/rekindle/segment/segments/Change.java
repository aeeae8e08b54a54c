package io.rekindle.segment.segments;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry or exit; {@code cursor} orders all changes of all segments. */
public record Change(String cursor, String segmentId, String customerId, ChangeKind kind, Instant at,
        @Schema(description = "W3C trace context of the re-evaluation that made the change, present when tracing is "
                + "on: a consumer continues the customer's trace from it")
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent) {
}
