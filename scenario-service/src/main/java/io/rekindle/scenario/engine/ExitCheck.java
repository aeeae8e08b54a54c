package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.scenario.ExitRules;

/** The exit rules, checked before every step, for treatment and holdout alike. */
@ApplicationScoped
public class ExitCheck {

    static final List<String> OPT_OUTS = List.of("unsubscribed", "complained", "opted_out");

    private final SignalLog signals;
    private final Conditions conditions;

    ExitCheck(SignalLog signals, Conditions conditions) {
        this.signals = signals;
        this.conditions = conditions;
    }

    /** The exit that applies now, or null. */
    public Transition.End check(EnrollmentRow e, ExitRules rules, Profile profile, Instant now) {
        if (!Boolean.FALSE.equals(rules.purchased()) && purchasedSinceEntry(e, profile)) {
            return new Transition.End("won_back", profile.lastOrderAt(), revenueSinceEntry(e, profile), List.of());
        }
        if (!Boolean.FALSE.equals(rules.unsubscribed())
                && signals.seen(e.customerId(), OPT_OUTS, e.enteredAt(), e.scenarioId())) {
            return new Transition.End("unsubscribed", null, null, List.of());
        }
        if (rules.rfmBottomPercent() != null && profile.rfmPercentile() != null
                && profile.rfmPercentile() <= rules.rfmBottomPercent()) {
            return new Transition.End("rfm_floor", null, null, List.of());
        }
        if (rules.condition() != null && conditions.holds(rules.condition(), e, profile, now)) {
            return new Transition.End("condition", null, null, List.of());
        }
        return null;
    }

    static boolean purchasedSinceEntry(EnrollmentRow e, Profile profile) {
        return profile.lastOrderAt() != null && !profile.lastOrderAt().isBefore(e.enteredAt());
    }

    static BigDecimal revenueSinceEntry(EnrollmentRow e, Profile profile) {
        BigDecimal before = e.revenueAtEntry() == null ? BigDecimal.ZERO : e.revenueAtEntry();
        return profile.revenue().subtract(before).max(BigDecimal.ZERO);
    }
}
