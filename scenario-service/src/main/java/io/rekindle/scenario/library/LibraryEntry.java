package io.rekindle.scenario.library;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.scenario.scenario.ScenarioDefinition;

/** A ready-made scenario with the segments and templates it needs, installed where they live if missing. */
public record LibraryEntry(String key, Map<String, JsonNode> segments, Map<String, JsonNode> templates,
        ScenarioDefinition scenario) {
}
