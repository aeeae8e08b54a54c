package io.rekindle.scenario.scenario;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rekindle.platform.http.Problem.FieldError;

/**
 * What makes a scenario graph runnable, beyond field constraints: each step has what its type needs, every step it
 * names exists, every step is reachable from the start, and no cycle can spin without letting time pass. Errors point
 * at the step ({@code steps[2].next}).
 */
public final class ScenarioRules {

    private ScenarioRules() {
    }

    public static List<FieldError> check(ScenarioDefinition scenario) {
        List<FieldError> errors = new ArrayList<>();
        trigger(scenario.trigger(), errors);
        Map<String, Integer> index = new HashMap<>();
        List<Step> steps = scenario.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (index.putIfAbsent(steps.get(i).id(), i) != null) {
                errors.add(new FieldError(at(i, "id"), "'" + steps.get(i).id() + "' is used by an earlier step"));
            }
        }
        if (scenario.start() != null && !index.containsKey(scenario.start())) {
            errors.add(new FieldError("start", "no step '" + scenario.start() + "'"));
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            fields(step, i, errors);
            offers(scenario, step, i, errors);
            for (Map.Entry<String, String> exit : step.exits().entrySet()) {
                if (!index.containsKey(exit.getValue())) {
                    errors.add(new FieldError(at(i, exit.getKey().replace('/', '.').replaceAll("\\.(\\d+)\\.", "[$1].")),
                            "no step '" + exit.getValue() + "'"));
                }
            }
        }
        if (errors.isEmpty()) {
            reachability(scenario, index, errors);
            cycles(scenario, index, errors);
        }
        return errors;
    }

    private static void trigger(Trigger trigger, List<FieldError> errors) {
        if (trigger.type() == null) {
            return;
        }
        switch (trigger.type()) {
            case SEGMENT, SCHEDULE -> {
                if (blank(trigger.segment())) {
                    errors.add(new FieldError("trigger.segment", "a " + trigger.type().name().toLowerCase()
                            + " trigger names a segment"));
                }
                if (trigger.type() == TriggerKind.SCHEDULE && trigger.at() == null) {
                    errors.add(new FieldError("trigger.at", "a schedule trigger says at what time, such as 09:00"));
                }
            }
            case EVENT -> {
                if (trigger.events() == null || trigger.events().isEmpty()) {
                    errors.add(new FieldError("trigger.events", "an event trigger names its event types"));
                }
            }
        }
    }

    /**
     * Offers only on sends; and a cart journey (a keyed trigger) carries no discount except in a test variant, so the
     * control learns whether the discount earns its cost and no one learns to abandon a cart for one.
     */
    private static void offers(ScenarioDefinition scenario, Step s, int i, List<FieldError> errors) {
        if (s.allOffers().isEmpty()) {
            return;
        }
        if (s.type() != StepType.SEND) {
            errors.add(new FieldError(at(i, "offer"), "only a send step carries an offer"));
            return;
        }
        boolean cart = scenario.trigger() != null && scenario.trigger().key() != null;
        if (cart && s.offer() != null) {
            errors.add(new FieldError(at(i, "offer"), "a cart-abandonment step carries no discount except in a test "
                    + "variant: name it per variant in offers"));
        }
    }

    private static void fields(Step s, int i, List<FieldError> errors) {
        switch (s.type()) {
            case SEND -> {
                require(s.channel(), i, "channel", "a send step names its channel (email, sms, push)", errors);
                if (blank(s.template()) && (s.templates() == null || s.templates().isEmpty())) {
                    errors.add(new FieldError(at(i, "template"), "a send step names its template (or templates per variant)"));
                }
            }
            case WAIT -> {
                int ways = (s.duration() != null ? 1 : 0) + (s.untilLocalTime() != null ? 1 : 0)
                        + (s.gapMultiple() != null ? 1 : 0) + (Boolean.TRUE.equals(s.untilPredictedNextOrder()) ? 1 : 0);
                if (ways != 1) {
                    errors.add(new FieldError(at(i, "duration"), "a wait step has exactly one of duration, "
                            + "untilLocalTime, gapMultiple, untilPredictedNextOrder"));
                }
                duration(s.duration(), i, "duration", errors);
                if (s.gapMultiple() != null && !(s.gapMultiple() > 0 && s.gapMultiple() <= 20)) {
                    errors.add(new FieldError(at(i, "gapMultiple"), "must be above 0 and at most 20"));
                }
            }
            case WAIT_FOR -> {
                require(s.event(), i, "event", "a wait_for step names the event it waits for", errors);
                require(s.timeout(), i, "timeout", "a wait_for step has a timeout", errors);
                duration(s.timeout(), i, "timeout", errors);
                if (s.onEvent() == null && s.onTimeout() == null) {
                    errors.add(new FieldError(at(i, "onEvent"), "a wait_for step says where each outcome goes"));
                }
            }
            case CONDITION -> {
                if (s.condition() == null || s.condition().isEmpty()) {
                    errors.add(new FieldError(at(i, "condition"), "a condition step has a condition"));
                }
            }
            case SPLIT -> {
                if (s.branches() == null || s.branches().size() < 2) {
                    errors.add(new FieldError(at(i, "branches"), "a split has at least two branches"));
                } else if (s.branches().stream().mapToInt(Branch::weight).sum() <= 0) {
                    errors.add(new FieldError(at(i, "branches"), "the weights add up to nothing"));
                } else if (s.branches().stream().map(Branch::variant).distinct().count() != s.branches().size()) {
                    errors.add(new FieldError(at(i, "branches"), "each branch has its own variant name"));
                }
            }
            case SURVEY -> {
                require(s.survey(), i, "survey", "a survey step names the survey", errors);
                duration(s.expiresIn(), i, "expiresIn", errors);
            }
            case SET_ATTRIBUTE -> require(s.attribute(), i, "attribute", "names the attribute to set", errors);
            case ERASE, EXIT -> {
                if (s.next() != null) {
                    errors.add(new FieldError(at(i, "next"), "nothing follows a" + (s.type() == StepType.ERASE
                            ? "n erase" : "n exit")));
                }
            }
            case SUPPRESS -> { }
        }
    }

    private static void reachability(ScenarioDefinition scenario, Map<String, Integer> index, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(scenario.startStep()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(scenario.steps().get(index.get(id)).exits().values());
            }
        }
        for (int i = 0; i < scenario.steps().size(); i++) {
            if (!seen.contains(scenario.steps().get(i).id())) {
                errors.add(new FieldError(at(i, "id"), "'" + scenario.steps().get(i).id()
                        + "' cannot be reached from the start step '" + scenario.startStep() + "'"));
            }
        }
    }

    /** A cycle is allowed only through a wait or wait_for: look for one among the steps that do not wait. */
    private static void cycles(ScenarioDefinition scenario, Map<String, Integer> index, List<FieldError> errors) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (Step step : scenario.steps()) {
            String onCycle = findCycle(step.id(), scenario, index, state);
            if (onCycle != null) {
                errors.add(new FieldError(at(index.get(onCycle), "next"), "'" + onCycle
                        + "' is on a cycle without a wait step: it would repeat at once, forever"));
                return;
            }
        }
    }

    private static String findCycle(String id, ScenarioDefinition scenario, Map<String, Integer> index,
            Map<String, Integer> state) {
        Step step = scenario.steps().get(index.get(id));
        if (step.type().waits() || state.getOrDefault(id, 0) == 2) {
            return null;
        }
        if (state.getOrDefault(id, 0) == 1) {
            return id;
        }
        state.put(id, 1);
        for (String next : step.exits().values()) {
            String found = findCycle(next, scenario, index, state);
            if (found != null) {
                return found;
            }
        }
        state.put(id, 2);
        return null;
    }

    private static void duration(String value, int i, String field, List<FieldError> errors) {
        if (value != null && parseDuration(value) == null) {
            errors.add(new FieldError(at(i, field), "must be a positive ISO 8601 duration such as PT45M, P2D"));
        }
    }

    /** P2D, PT45M, P1DT12H; null when it is not a positive duration. */
    public static Duration parseDuration(String value) {
        try {
            Duration d = Duration.parse(value);
            return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static void require(String value, int i, String field, String message, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(at(i, field), message));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String at(int step, String field) {
        return "steps[" + step + "]." + field;
    }
}
