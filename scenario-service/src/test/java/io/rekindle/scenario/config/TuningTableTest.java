package io.rekindle.scenario.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rekindle.platform.testing.TuningTable;

class TuningTableTest {

    @Test
    void theReadmeTuningTableListsEveryKeyThisServiceReads() throws Exception {
        assertEquals(List.of(), TuningTable.differences(ScenarioConfig.class, "rekindle.scenarios",
                Path.of("README.md")));
    }
}
