package io.rekindle.survey.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rekindle.platform.testing.TuningTable;

class TuningTableTest {

    @Test
    void theReadmeTuningTableListsEveryKeyThisServiceReads() throws Exception {
        assertEquals(List.of(), TuningTable.differences(SurveyConfig.class, "rekindle",
                Path.of("README.md")));
    }
}
