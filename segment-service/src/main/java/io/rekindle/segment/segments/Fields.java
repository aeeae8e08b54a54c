package io.rekindle.segment.segments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every field a segment rule can read. Figures that move with time are computed against the evaluation day
 * ({@code :today}), so a rule such as daysSinceLastOrder >= 90 starts to hold on a known day with no new event.
 */
final class Fields {

    private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\.([A-Za-z0-9_-]{1,64})");
    private static final String LAST_ORDER_DAY = "(m.last_order_at AT TIME ZONE 'UTC')::date";

    static final Map<String, Field> KNOWN = new LinkedHashMap<>();

    static {
        add(Field.daysSince("daysSinceLastOrder", LAST_ORDER_DAY));
        add(Field.daysSince("daysSinceFirstOrder", "(m.first_order_at AT TIME ZONE 'UTC')::date"));
        add(Field.daysSince("daysSinceLastEngagement", "(m.last_engagement_at AT TIME ZONE 'UTC')::date"));
        add(Field.daysSince("daysSinceLastEmailOpen", "(m.last_email_open_at AT TIME ZONE 'UTC')::date"));
        add(Field.daysSince("daysSinceCreated", "(c.created_at AT TIME ZONE 'UTC')::date"));
        add(Field.number("orderCount", "coalesce(m.order_count, 0)"));
        add(Field.number("revenue", "coalesce(m.revenue, 0)"));
        add(Field.number("averageGapDays", "m.average_gap_days"));
        add(Field.daysSinceIn("overdueRatio", LAST_ORDER_DAY, "coalesce(m.average_gap_days, "
                + "(SELECT s.first_to_second_days FROM store_stats s WHERE s.id = 1))"));
        add(Field.number("rfm.recency", "r.recency"));
        add(Field.number("rfm.frequency", "r.frequency"));
        add(Field.number("rfm.monetary", "r.monetary"));
        add(Field.number("rfm.total", "(r.recency + r.frequency + r.monetary)"));
        add(Field.number("rfm.percentile", "r.percentile"));
        add(Field.number("prediction.pAlive", "m.p_alive"));
        add(Field.number("prediction.expectedOrders30", "m.expected_orders_30"));
        add(Field.number("prediction.expectedOrders90", "m.expected_orders_90"));
        add(Field.number("prediction.expectedOrders365", "m.expected_orders_365"));
        add(Field.daysSince("prediction.daysSinceExpectedNextOrder", "m.expected_next_order_on"));
        add(Field.number("value.current", "coalesce(m.revenue, 0)"));
        add(Field.number("value.currentQuintile", "m.value_current_quintile"));
        add(Field.number("value.potential", "m.value_potential"));
        add(Field.number("value.potentialDiscounted", "m.value_potential_discounted"));
        add(Field.number("value.potentialQuintile", "m.value_potential_quintile"));
        add(Field.number("value.quintileShift", "(m.value_potential_quintile - m.value_current_quintile)"));
        add(Field.enumeration("hygiene.status", "c.hygiene_status",
                Set.of("valid", "typo", "disposable", "role", "invalid", "missing")));
        add(Field.text("lastPurchasedCategory", "m.last_category"));
        add(Field.text("country", "c.country"));
        add(Field.text("locale", "c.locale"));
        add(Field.text("timezone", "c.timezone"));
        add(Field.text("email", "c.email"));
        add(Field.bool("consent.email", "c.consent_email"));
        add(Field.bool("consent.sms", "c.consent_sms"));
        add(Field.bool("consent.push", "c.consent_push"));
        add(Field.bool("previouslyErased", "c.previously_erased"));
    }

    private Fields() {
    }

    private static void add(Field field) {
        KNOWN.put(field.name(), field);
    }

    static Optional<Field> find(String name) {
        Field known = KNOWN.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        var m = ATTRIBUTE.matcher(name);
        if (m.matches()) {
            return Optional.of(Field.any(name, "c.attributes -> '" + m.group(1) + "'"));
        }
        return Optional.empty();
    }
}
