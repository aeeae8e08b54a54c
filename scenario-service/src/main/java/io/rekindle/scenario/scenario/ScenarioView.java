package io.rekindle.scenario.scenario;

import java.time.Instant;

public record ScenarioView(String id, int version, ScenarioDefinition definition, Instant createdAt,
        Instant versionCreatedAt) {

    static ScenarioView of(Scenario scenario, ScenarioVersion version) {
        return new ScenarioView(scenario.scenarioId, version.version, version.definition, scenario.createdAt,
                version.createdAt);
    }
}
