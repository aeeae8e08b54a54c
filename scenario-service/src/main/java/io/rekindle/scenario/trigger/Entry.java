package io.rekindle.scenario.trigger;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.engine.Enrollments;
import io.rekindle.scenario.engine.Profile;
import io.rekindle.scenario.scenario.ScenarioView;

/**
 * Enters a customer into a scenario, with their revenue so far (what a later conversion is measured against) and
 * their pre-entry orders and revenue (what the report's adjusted figures use).
 */
@ApplicationScoped
public class Entry {

    private final Enrollments enrollments;

    Entry(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    /**
     * The enrollment id; empty when the customer is unknown (no profile) or the entry rules keep them out. The
     * callers read their entrants' profiles together ({@link io.rekindle.scenario.engine.Profiles#findEach}).
     */
    public Optional<String> enter(ScenarioView scenario, String customerId, String key, Optional<Profile> profile) {
        return profile.flatMap(p -> enrollments.enroll(scenario, customerId, key, p));
    }
}
