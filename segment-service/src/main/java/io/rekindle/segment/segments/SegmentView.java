package io.rekindle.segment.segments;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

public record SegmentView(String id, String name, String description,
        @Schema(ref = "Rule") JsonNode rule, boolean builtIn, int size,
        Instant computedAt, Instant updatedAt) {
}
