package io.rekindle.segment.segments;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

public record SegmentView(String id, String name, String description, JsonNode rule, boolean builtIn, int size,
        Instant computedAt, Instant updatedAt) {
}
