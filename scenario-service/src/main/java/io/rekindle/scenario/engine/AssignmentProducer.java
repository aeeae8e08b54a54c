package io.rekindle.scenario.engine;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.rekindle.scenario.config.ScenarioConfig;


/** One salted assignment (holdout, split) for the whole service. */
public class AssignmentProducer {

    @Produces
    @Singleton
    Assignment assignment(ScenarioConfig config) {
        return new Assignment(config.assignmentSalt());
    }
}
