package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.scenario.ExitRules;
import io.rekindle.scenario.scenario.ScenarioDefinition;

/** The exit rules, checked before every step, for treatment and holdout alike. */
@ApplicationScoped
public class ExitCheck {

    static final List<String> OPT_OUTS = List.of("unsubscribed", "complained", "opted_out");

    private final SignalLog signals;
    private final Conditions conditions;
    private final Enrollments enrollments;

    ExitCheck(SignalLog signals, Conditions conditions, Enrollments enrollments) {
        this.signals = signals;
        this.conditions = conditions;
        this.enrollments = enrollments;
    }

    /** The exit that applies now, or null. */
    public Transition.End check(EnrollmentRow e, ScenarioDefinition scenario, Profile profile, Instant now) {
        ExitRules rules = scenario.exitRules();
        if (!Boolean.FALSE.equals(rules.purchased())) {
            String keyName = scenario.trigger() == null ? null : scenario.trigger().key();
            Transition.End wonBack = keyName == null || e.entryKey().isEmpty() ? wonBack(e, profile)
                    : wonBack(e, keyName, profile);
            if (wonBack != null) {
                return wonBack;
            }
        }
        if (!Boolean.FALSE.equals(rules.unsubscribed())
                && signals.seen(e.customerId(), OPT_OUTS, e.enteredAt(), e.scenarioId())) {
            return new Transition.End(Outcome.UNSUBSCRIBED, null, null, List.of());
        }
        if (rules.rfmBottomPercent() != null && profile.rfmPercentile() != null
                && profile.rfmPercentile() <= rules.rfmBottomPercent()) {
            return new Transition.End(Outcome.RFM_FLOOR, null, null, List.of());
        }
        if (rules.condition() != null && conditions.holds(rules.condition(), e, profile, now)) {
            return new Transition.End(Outcome.CONDITION, null, null, List.of());
        }
        if (scenario.entry() != null && enrollments.inJourneyOf(e.customerId(), scenario.entry().exclusive()
                .stream().filter(other -> !other.equals(e.scenarioId())).toList())) {
            return new Transition.End(Outcome.OTHER_JOURNEY, null, null, List.of());
        }
        return null;
    }

    private static Transition.End wonBack(EnrollmentRow e, Profile profile) {
        return purchasedSinceEntry(e, profile)
                ? new Transition.End(Outcome.WON_BACK, profile.lastOrderAt(), revenueSinceEntry(e, profile), List.of())
                : null;
    }

    /** A keyed journey (a cart) is won back when that key was ordered, with that order's total. */
    private Transition.End wonBack(EnrollmentRow e, String keyName, Profile profile) {
        return signals.purchaseFor(e.customerId(), keyName, e.entryKey(), e.enteredAt())
                .map(p -> new Transition.End(Outcome.WON_BACK, p.at(),
                        p.total() != null ? p.total() : revenueSinceEntry(e, profile), List.of()))
                .orElse(null);
    }

    static boolean purchasedSinceEntry(EnrollmentRow e, Profile profile) {
        return profile.lastOrderAt() != null && !profile.lastOrderAt().isBefore(e.enteredAt());
    }

    static BigDecimal revenueSinceEntry(EnrollmentRow e, Profile profile) {
        BigDecimal before = e.revenueAtEntry() == null ? BigDecimal.ZERO : e.revenueAtEntry();
        return profile.revenue().subtract(before).max(BigDecimal.ZERO);
    }
}
