package io.rekindle.segment.segments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

public record SegmentDefinition(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
        @NotNull @Schema(ref = "Rule", required = true) JsonNode rule) {
}
