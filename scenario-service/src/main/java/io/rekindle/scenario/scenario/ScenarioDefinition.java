package io.rekindle.scenario.scenario;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A scenario graph as its author writes it: a trigger, then steps. */
public record ScenarioDefinition(
        @NotBlank @Size(max = 200) String name,
        @NotNull Map<String, Object> trigger,
        @NotEmpty List<@NotNull Map<String, Object>> steps) {
}
