package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.scenario.peers.SegmentPeer;
import io.rekindle.scenario.scenario.ScenarioRules;

/**
 * Evaluates a condition for one enrollment: {"field", "op", "value"} on the profile (rfm.percentile,
 * attributes.x, daysSinceLastOrder), {"segment": id} (membership now, asked of segment-service), {"event": type,
 * "within": P21D} (a signal received in that window), combined with {"all": [...]}, {"any": [...]}, {"not": ...}.
 */
@ApplicationScoped
public class Conditions {

    private final SegmentPeer segments;
    private final SignalLog signals;

    Conditions(SegmentPeer segments, SignalLog signals) {
        this.segments = segments;
        this.signals = signals;
    }

    @SuppressWarnings("unchecked")
    public boolean holds(Map<String, Object> condition, EnrollmentRow e, Profile profile, Instant now) {
        if (condition.get("all") instanceof List<?> all) {
            return all.stream().allMatch(c -> holds((Map<String, Object>) c, e, profile, now));
        }
        if (condition.get("any") instanceof List<?> any) {
            return any.stream().anyMatch(c -> holds((Map<String, Object>) c, e, profile, now));
        }
        if (condition.get("not") instanceof Map<?, ?> not) {
            return !holds((Map<String, Object>) not, e, profile, now);
        }
        if (condition.get("segment") instanceof String segment) {
            return segments.isMember(segment, e.customerId());
        }
        if (condition.get("event") instanceof String type) {
            String within = (String) condition.getOrDefault("within", "P3650D");
            return signals.seen(e.customerId(), List.of(type), now.minus(ScenarioRules.parseDuration(within)),
                    e.scenarioId());
        }
        return compare(profile.field(String.valueOf(condition.get("field"))), String.valueOf(condition.get("op")),
                condition.get("value"));
    }

    static boolean compare(JsonNode actual, String op, Object expected) {
        boolean present = !actual.isMissingNode() && !actual.isNull();
        switch (op) {
            case "exists":
                return present;
            case "not exists":
                return !present;
            default:
                break;
        }
        if (!present) {
            return op.equals("!=");
        }
        if (actual.isNumber() && expected instanceof Number n) {
            int cmp = actual.decimalValue().compareTo(new BigDecimal(n.toString()));
            return switch (op) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                default -> false;
            };
        }
        String text = actual.isTextual() ? actual.asText() : actual.toString();
        return switch (op) {
            case "=" -> text.equals(String.valueOf(expected));
            case "!=" -> !text.equals(String.valueOf(expected));
            case "in" -> expected instanceof List<?> l && l.stream().map(String::valueOf).anyMatch(text::equals);
            default -> false;
        };
    }
}
