package io.rekindle.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rekindle.platform.testing.TuningTable;

class PlatformTuningTableTest {

    @Test
    void theSharedTuningTableListsEveryPlatformKey() throws Exception {
        assertEquals(List.of(), TuningTable.differences(PlatformConfig.class, "rekindle",
                Path.of("../docs/configuration.md")));
    }
}
