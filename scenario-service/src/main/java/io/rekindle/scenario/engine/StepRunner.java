package io.rekindle.scenario.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.scenario.Branch;
import io.rekindle.scenario.scenario.ScenarioDefinition;
import io.rekindle.scenario.scenario.ScenarioRules;
import io.rekindle.scenario.scenario.Step;

/**
 * Runs the current step of an enrollment and says what follows. Steps re-evaluate from when they started, so running
 * one again (after a crash, or woken by a signal) decides the same way; side effects carry the step's key.
 * Holdout enrollments walk the same timeline without any side effect.
 */
@ApplicationScoped
public class StepRunner {

    /** Engagement signals that count as "opened" (clicking implies having opened). */
    private static final Map<String, List<String>> SIGNALS = Map.of("opened", List.of("opened", "clicked"),
            "clicked", List.of("clicked"), "answered", List.of("survey_answered"));

    private final Effects effects;
    private final SignalLog signals;
    private final Conditions conditions;
    private final Assignment assignment;
    private final BestHour bestHour;

    StepRunner(Effects effects, SignalLog signals, Conditions conditions, Assignment assignment, BestHour bestHour) {
        this.bestHour = bestHour;
        this.assignment = assignment;
        this.effects = effects;
        this.signals = signals;
        this.conditions = conditions;
    }

    public Transition run(EnrollmentRow e, ScenarioDefinition scenario, Profile profile, Instant now) {
        Step step = scenario.step(e.currentStep()).orElseThrow();
        return switch (step.type()) {
            case SEND -> send(e, step, profile, now);
            case WAIT -> waitUntil(e, step, profile, now);
            case WAIT_FOR -> waitFor(e, step, profile, now);
            case CONDITION -> move(conditions.holds(step.condition(), e, profile, now) ? step.then()
                    : step.otherwise());
            case SPLIT -> split(e, scenario, step);
            case SURVEY -> survey(e, step, now);
            case SET_ATTRIBUTE -> sideEffect(e, step, e.holdout() || effects.setAttribute(e, step, now), null);
            case SUPPRESS -> sideEffect(e, step, e.holdout() || effects.suppress(e, profile), JournalKind.SUPPRESSED);
            case ERASE -> e.holdout() ? new Transition.End(Outcome.FINISHED, null, null, note(step, JournalKind.HELD_OUT))
                    : erase(e, step);
            case EXIT -> new Transition.End(Outcome.FINISHED, null, null, note(step, JournalKind.EXITED));
        };
    }

    private Transition send(EnrollmentRow e, Step step, Profile profile, Instant now) {
        if (Boolean.TRUE.equals(step.bestHour())) {
            // Anchored to when the step started, so whatever signals arrive meanwhile, it waits a day at most.
            Instant at = bestHour.next(e.customerId(), profile.zone(), e.stepStartedAt());
            if (now.isBefore(at)) {
                return new Transition.Stay(at, null, List.of());
            }
        }
        if (e.holdout()) {
            return new Transition.Move(step.next(), null, null, note(step, JournalKind.HELD_OUT));
        }
        String template = step.templates() != null && e.variant() != null && step.templates().get(e.variant()) != null
                ? step.templates().get(e.variant())
                : step.template() != null ? step.template() : step.templates().values().iterator().next();
        // The cap is for re-engagement (marketing) messages; a transactional one is never held back.
        return new Transition.Send(step.id(), step.next(), !"transactional".equals(step.category()),
                effects.message(e, step, template, profile.locale()));
    }

    private Transition waitUntil(EnrollmentRow e, Step step, Profile profile, Instant now) {
        Instant until = waitEnd(e.stepStartedAt(), step, profile);
        return now.isBefore(until) ? new Transition.Stay(until, null, List.of()) : move(step.next());
    }

    static Instant waitEnd(Instant started, Step step, Profile profile) {
        if (step.duration() != null) {
            return started.plus(ScenarioRules.parseDuration(step.duration()));
        }
        if (step.untilLocalTime() != null) {
            ZonedDateTime local = started.atZone(profile.zone());
            ZonedDateTime at = local.with(LocalTime.parse(step.untilLocalTime()));
            return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
        }
        if (step.gapMultiple() != null) {
            Instant anchor = profile.lastOrderAt() != null ? profile.lastOrderAt() : started;
            double gap = profile.averageGapDays() != null ? profile.averageGapDays() : 30;
            Instant until = anchor.plus(Duration.ofMinutes(Math.round(step.gapMultiple() * gap * 24 * 60)));
            return until.isAfter(started) ? until : started;
        }
        // until the predicted next order date has passed (none predicted: go on)
        return profile.expectedNextOrderOn() == null ? started
                : profile.expectedNextOrderOn().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private Transition waitFor(EnrollmentRow e, Step step, Profile profile, Instant now) {
        Instant since = e.stepStartedAt();
        boolean happened = step.event().equals("purchased")
                ? profile.lastOrderAt() != null && !profile.lastOrderAt().isBefore(since)
                : signals.seen(e.customerId(), SIGNALS.getOrDefault(step.event(), List.of(step.event())), since,
                        e.scenarioId());
        if (happened) {
            return new Transition.Move(step.onEvent(), null, null, note(step, JournalKind.seen(step.event())));
        }
        Instant timeout = since.plus(ScenarioRules.parseDuration(step.timeout()));
        return now.isBefore(timeout) ? new Transition.Stay(timeout, step.event(), List.of()) : move(step.onTimeout());
    }

    private Transition split(EnrollmentRow e, ScenarioDefinition scenario, Step step) {
        Branch branch = e.variant() != null ? step.branches().stream().filter(b -> b.variant().equals(e.variant()))
                .findFirst().orElse(null) : null;
        if (branch == null) {
            branch = assignment.branch(e.scenarioId(), step.id(), e.customerId(), step.branches());
        }
        return new Transition.Move(branch.next(), branch.variant(), null, List.of());
    }

    private Transition survey(EnrollmentRow e, Step step, Instant now) {
        if (e.holdout()) {
            return new Transition.Move(step.next(), null, null, note(step, JournalKind.HELD_OUT));
        }
        Instant expires = step.expiresIn() == null ? null : now.plus(ScenarioRules.parseDuration(step.expiresIn()));
        String url = effects.invite(e, step, expires);
        return new Transition.Move(step.next(), null, url == null ? null : Map.of("surveyUrl", url),
                note(step, url == null ? JournalKind.FAILED : JournalKind.INVITED));
    }

    private Transition erase(EnrollmentRow e, Step step) {
        effects.erase(e);
        return new Transition.End(Outcome.ERASED, null, null, note(step, JournalKind.ERASED));
    }

    private static Transition sideEffect(EnrollmentRow e, Step step, boolean accepted, JournalKind kind) {
        JournalKind noted = e.holdout() ? JournalKind.HELD_OUT : accepted ? kind : JournalKind.FAILED;
        return new Transition.Move(step.next(), null, null, noted == null ? List.of() : note(step, noted));
    }

    private static Transition move(String next) {
        return new Transition.Move(next, null, null, List.of());
    }

    private static List<Transition.Note> note(Step step, JournalKind kind) {
        return List.of(new Transition.Note(step.id(), kind, null));
    }
}
