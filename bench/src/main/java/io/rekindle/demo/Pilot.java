package io.rekindle.demo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The library scenarios installed as a pilot, as a shop starting a program would: a limited number of customers a
 * day per scenario (a segment's members enter in turn on the following days), which also keeps the demo within
 * minutes.
 */
final class Pilot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite;
    private final Progress progress;
    private final Demo.Options options;

    Pilot(Suite suite, Progress progress, Demo.Options options) {
        this.suite = suite;
        this.progress = progress;
        this.options = options;
    }

    /** Every library scenario, before anyone can enter. */
    void installAll() throws Exception {
        List<String> keys = new ArrayList<>();
        JSON.readTree(suite.scenario.get("/v1/scenarios/library"))
                .forEach(entry -> keys.add(entry.path("key").asText()));
        progress.start("Installing the scenarios", keys.size());
        for (int i = 0; i < keys.size(); i++) {
            install(keys.get(i));
            progress.show(i + 1, keys.get(i));
        }
        suite.awaitQuiet();
        progress.done(String.join(", ", keys));
    }

    private void install(String key) throws Exception {
        suite.scenario.post("/v1/scenarios/library/" + key + "/install", "");
        JsonNode definition = JSON.readTree(suite.scenario.get("/v1/scenarios/" + key)).path("definition");
        ((ObjectNode) definition.with("entry")).put("maxPerDay", dailyEntries());
        suite.scenario.put("/v1/scenarios/" + key, JSON.writeValueAsString(definition));
    }

    private int dailyEntries() {
        return Math.max(2, options.customers() / 4_000);
    }
}
