package io.rekindle.scenario.engine;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One salted assignment (holdout, split) for the whole service. */
public class AssignmentProducer {

    @Produces
    @Singleton
    Assignment assignment(@ConfigProperty(name = "rekindle.scenarios.assignment-salt") String salt) {
        return new Assignment(salt);
    }
}
