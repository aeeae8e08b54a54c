package io.rekindle.scenario.trigger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.scenario.engine.Profile;
import io.rekindle.scenario.engine.Profiles;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;
import io.rekindle.scenario.scenario.TriggerKind;
import io.rekindle.scenario.signal.SignalRequest;
import io.rekindle.scenario.signal.Signals;

/**
 * API triggers: each event is kept as the customer's signal and enters them into every scenario it triggers (keyed
 * by the trigger's property, such as cartId). An eventId seen before enrolls nobody; the entry rules hold too.
 */
@ApplicationScoped
public class Triggers {

    /** What one event did: whether it was seen before, and the enrollments it made. */
    public record Result(String eventId, boolean duplicate, List<String> enrollments) {
    }

    private final ScenarioCatalog catalog;
    private final Entry entry;
    private final Signals signals;
    private final Profiles profiles;
    private final Clock clock;

    Triggers(ScenarioCatalog catalog, Entry entry, Signals signals, Profiles profiles, Clock clock) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.entry = entry;
        this.signals = signals;
        this.clock = clock;
    }

    /** Takes the events in their order (with a daily entry limit, the first ones enter), all in one transaction. */
    @Transactional
    public List<Result> accept(List<TriggerRequest> events) {
        List<ScenarioView> scenarios = catalog.all();
        List<List<ScenarioView>> triggeredBy = events.stream().map(e -> triggered(scenarios, e)).toList();
        // The profiles the entries need, read together before the events are taken one by one.
        List<String> entering = IntStream.range(0, events.size()).filter(i -> !triggeredBy.get(i).isEmpty())
                .mapToObj(i -> events.get(i).customerId()).distinct().toList();
        Map<String, Supplier<Optional<Profile>>> profileOf = profiles.findEach(entering);
        List<Result> results = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            TriggerRequest event = events.get(i);
            results.add(accept(event, triggeredBy.get(i), profileOf.get(event.customerId())));
        }
        return results;
    }

    private static List<ScenarioView> triggered(List<ScenarioView> scenarios, TriggerRequest event) {
        return scenarios.stream().filter(s -> s.definition().trigger().type() == TriggerKind.EVENT
                && s.definition().trigger().events().contains(event.type())).toList();
    }

    private Result accept(TriggerRequest event, List<ScenarioView> scenarios, Supplier<Optional<Profile>> profile) {
        var occurredAt = event.occurredAt() != null ? event.occurredAt() : clock.instant();
        boolean fresh = signals.store(List.of(new SignalRequest("trigger:" + event.eventId(), event.customerId(),
                event.type(), occurredAt, Map.of(), event.properties()))) == 1;
        List<String> enrollments = new ArrayList<>();
        if (fresh) {
            for (ScenarioView scenario : scenarios) {
                var trigger = scenario.definition().trigger();
                String key = trigger.key() == null || event.properties() == null ? null
                        : String.valueOf(event.properties().getOrDefault(trigger.key(), ""));
                entry.enter(scenario, event.customerId(), key, profile.get()).ifPresent(enrollments::add);
            }
        }
        return new Result(event.eventId(), !fresh, enrollments);
    }
}
