package io.rekindle.scenario.trigger;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.engine.Enrollments;
import io.rekindle.scenario.engine.Profile;
import io.rekindle.scenario.engine.Profiles;
import io.rekindle.scenario.scenario.ScenarioView;

/** Enters a customer into a scenario, with their revenue so far (what a later conversion is measured against). */
@ApplicationScoped
public class Entry {

    private final Profiles profiles;
    private final Enrollments enrollments;

    Entry(Profiles profiles, Enrollments enrollments) {
        this.profiles = profiles;
        this.enrollments = enrollments;
    }

    /** The enrollment id; empty when the customer is unknown or the entry rules keep them out. */
    public Optional<String> enter(ScenarioView scenario, String customerId, String key) {
        return enter(scenario, customerId, key, profiles.find(customerId));
    }

    /** {@link #enter(ScenarioView, String, String)} with the customer's profile already read. */
    public Optional<String> enter(ScenarioView scenario, String customerId, String key, Optional<Profile> profile) {
        return profile.flatMap(p -> enrollments.enroll(scenario, customerId, key, p.revenue()));
    }
}
