package io.rekindle.scenario.scenario;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import io.rekindle.scenario.config.ScenarioConfig;

/** Stores scenario definitions as immutable versions. */
@ApplicationScoped
public class ScenarioCatalog {


    private record Listed(List<ScenarioView> scenarios, long loadedAt) {
    }

    private final Clock clock;
    /** How long this replica reuses the list of scenarios; another replica's change shows after at most this. */
    private final long freshNanos;
    private volatile Listed listed;

    ScenarioCatalog(Clock clock, ScenarioConfig config) {
        this.clock = clock;
        this.freshNanos = config.catalogRefresh().toNanos();
    }

    @Transactional
    public ScenarioView create(ScenarioDefinition definition) {
        return create(definition, null);
    }

    /** A new scenario; {@code libraryKey} names the library scenario it comes from (null for a shop's own). */
    @Transactional
    public ScenarioView create(ScenarioDefinition definition, String libraryKey) {
        listed = null;
        Instant now = clock.instant();
        Scenario scenario = new Scenario();
        scenario.scenarioId = libraryKey != null ? libraryKey : UUID.randomUUID().toString();
        scenario.name = definition.name();
        scenario.createdAt = now;
        scenario.libraryKey = libraryKey;
        scenario.persist();
        return ScenarioView.of(scenario, addVersion(scenario, 1, definition, now));
    }

    /** A new version for new entries; running enrollments keep theirs. Empty when there is no such scenario. */
    @Transactional
    public Optional<ScenarioView> revise(String scenarioId, ScenarioDefinition definition) {
        listed = null;
        Optional<Scenario> found = Scenario.findByIdOptional(scenarioId);
        return found.map(scenario -> {
            int next = ScenarioVersion.latest(scenarioId).map(v -> v.version + 1).orElse(1);
            scenario.name = definition.name();
            return ScenarioView.of(scenario, addVersion(scenario, next, definition, clock.instant()));
        });
    }

    public Optional<ScenarioView> find(String scenarioId) {
        return Scenario.<Scenario> findByIdOptional(scenarioId)
                .flatMap(s -> ScenarioVersion.latest(scenarioId).map(v -> ScenarioView.of(s, v)));
    }

    public Optional<ScenarioView> findByLibraryKey(String key) {
        return Scenario.<Scenario> find("libraryKey", key).firstResultOptional()
                .flatMap(s -> find(s.scenarioId));
    }

    /**
     * Every scenario in its latest version. Every trigger and feed poll reads this, so a replica reuses it for two
     * seconds (its own changes show at once).
     */
    public List<ScenarioView> all() {
        Listed current = listed;
        if (current == null || System.nanoTime() - current.loadedAt() > freshNanos) {
            current = new Listed(load(), System.nanoTime());
            listed = current;
        }
        return current.scenarios();
    }

    private List<ScenarioView> load() {
        java.util.Map<String, ScenarioVersion> latest = ScenarioVersion.<ScenarioVersion> list("from ScenarioVersion latest "
                + "where latest.version = (select max(v.version) from ScenarioVersion v "
                + "where v.scenarioId = latest.scenarioId)").stream()
                .collect(java.util.stream.Collectors.toMap(v -> v.scenarioId, v -> v));
        return Scenario.<Scenario> listAll(Sort.by("createdAt")).stream()
                .map(s -> ScenarioView.of(s, latest.get(s.scenarioId)))
                .toList();
    }

    private static ScenarioVersion addVersion(Scenario scenario, int number, ScenarioDefinition definition,
            Instant now) {
        ScenarioVersion version = new ScenarioVersion();
        version.scenarioId = scenario.scenarioId;
        version.version = number;
        version.definition = definition;
        version.createdAt = now;
        version.persist();
        return version;
    }
}
