package io.rekindle.scenario.report;

import java.util.Map;

/**
 * One step and variant: what the engine did there (sent, held_out, capped, failed, invited, suppressed, erased, and
 * the wait outcomes; capped counts the enrollments the frequency cap held back there, once each: a signal waking a
 * held-back send re-checks the cap, and how many wake-ups come depends on how signals are batched, not on the
 * journey) and what the customers did with it (delivered, opened, clicked, survey_answered, unsubscribed, dropped:
 * messages messaging-service accepted and then did not send, and offer_withheld: messages sent without the step's
 * offer; by distinct customer, from the signals attributed to the step), plus conversions and revenue credited to it.
 */
public record StepFigures(String step, String variant, Map<String, Long> engine, Map<String, Long> customers,
        long converted, double revenue) {
}
