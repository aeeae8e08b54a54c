package io.rekindle.segment.segments;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The event predicates of a segment rule: {@code {"event", "count", "within", "where"}} (at least count events of
 * the types within the window) and {@code {"event", "notFollowedBy", "within", "lookback"}} (an abandoned moment).
 * Each also says when its answer can next change without new data, so re-evaluation is scheduled, not polled.
 */
final class EventPredicates {

    /** The pseudo event type for a placed order. */
    static final String ORDER = "order";
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);

    private final RuleContext context;
    private final List<Object> parameters;
    private final List<String> nextChanges;
    private final List<Object> nextChangeParameters;

    EventPredicates(RuleContext context) {
        this.context = context;
        this.parameters = context.parameters;
        this.nextChanges = context.nextChanges;
        this.nextChangeParameters = context.nextChangeParameters;
    }

    /** An event predicate: a count of events within a window, or an event not followed by another. */
    String compile(JsonNode node, String path) {
        onlyKeys(node, path, "event", "count", "within", "where", "notFollowedBy", "lookback");
        List<String> types = eventTypes(node.get("event"), path + "/event", true);
        Duration within = duration(node.get("within"), path + "/within");
        Filters filters = properties(node.get("where"), path + "/where", "e.properties");
        if (node.has("notFollowedBy")) {
            if (node.has("count")) {
                error(path + "/count", "cannot be combined with notFollowedBy");
            }
            List<String> next = eventTypes(node.get("notFollowedBy"), path + "/notFollowedBy", true);
            Duration lookback = node.has("lookback") ? duration(node.get("lookback"), path + "/lookback")
                    : DEFAULT_LOOKBACK;
            if (types == null || next == null || within == null || lookback == null) {
                return "FALSE";
            }
            if (lookback.compareTo(within) < 0) {
                return error(path + "/lookback", "must be at least as long as within");
            }
            // An abandoned moment: the first event happened within the lookback, its window has passed, and nothing
            // of the second kind followed inside the window.
            String first = source(types, "e", "occurred_at", parameters);
            parameters.add(new CompiledRule.NowMinus(lookback));
            parameters.add(new CompiledRule.NowMinus(within));
            parameters.addAll(filters.values());
            String firstSql = first + " AND e.occurred_at > ? AND e.occurred_at <= ?" + filters.sql();
            String follow = source(next, "f", "at", parameters);
            parameters.add(within);
            // It can next change when an event's window closes (it becomes abandoned) or it leaves the lookback; an
            // event already followed can do neither (most of a busy store's events: views followed by carts, carts by
            // orders), so it schedules nothing.
            nextChangeParameters.add(CompiledRule.Now.VALUE);
            String candidates = source(types, "e", "occurred_at", nextChangeParameters);
            nextChangeParameters.add(new CompiledRule.NowMinus(lookback));
            nextChangeParameters.addAll(filters.values());
            String followed = source(next, "f", "at", nextChangeParameters);
            nextChanges.add("(SELECT min(CASE WHEN e.occurred_at + " + interval(within) + " > ? THEN e.occurred_at + "
                    + interval(within) + " ELSE e.occurred_at + " + interval(lookback) + " END) FROM " + candidates
                    + " AND e.occurred_at > ?" + filters.sql() + " AND NOT EXISTS (SELECT 1 FROM " + followed
                    + " AND f.at > e.occurred_at AND f.at <= e.occurred_at + " + interval(within) + "))");
            return "EXISTS (SELECT 1 FROM " + firstSql + " AND NOT EXISTS (SELECT 1 FROM " + follow
                    + " AND f.at > e.occurred_at AND f.at <= e.occurred_at + CAST(? AS interval)))";
        }
        if (node.has("lookback")) {
            error(path + "/lookback", "only goes with notFollowedBy");
        }
        JsonNode countNode = node.get("count");
        int count = 1;
        if (countNode != null && (!countNode.canConvertToInt() || !countNode.isIntegralNumber() || countNode.asInt() < 1)) {
            error(path + "/count", "must be a whole number of at least 1");
        } else if (countNode != null) {
            count = countNode.asInt();
        }
        if (types == null || within == null) {
            return "FALSE";
        }
        String source = source(types, "e", "occurred_at", parameters);
        parameters.add(new CompiledRule.NowMinus(within));
        parameters.addAll(filters.values());
        parameters.add(count);
        // The count can next change when the oldest event in the window leaves it.
        String inWindow = source(types, "e", "occurred_at", nextChangeParameters);
        nextChangeParameters.add(new CompiledRule.NowMinus(within));
        nextChangeParameters.addAll(filters.values());
        nextChanges.add("(SELECT min(e.occurred_at) + " + interval(within) + " FROM " + inWindow
                + " AND e.occurred_at > ?" + filters.sql() + ")");
        return "((SELECT count(*) FROM " + source + " AND e.occurred_at > ?" + filters.sql() + ") >= ?)";
    }

    private static String interval(Duration d) {
        return "interval '" + d.toSeconds() + " seconds'";
    }

    /**
     * The rows of the given types for the customer, as "table alias WHERE ..." with the time column named as asked.
     * Orders are a pseudo event; mixing them with site events is refused by the caller's validation.
     */
    private String source(List<String> types, String alias, String timeColumn, List<Object> into) {
        if (types.equals(List.of(ORDER))) {
            String sql = "(SELECT customer_id, placed_at AS " + timeColumn + ", '{}'::jsonb AS properties FROM orders"
                    + " WHERE status = 'placed') " + alias + " WHERE " + alias + ".customer_id = c.customer_id";
            return sql;
        }
        into.add(types.toArray(new String[0]));
        String select = timeColumn.equals("occurred_at") ? "event " + alias
                : "(SELECT customer_id, type, occurred_at AS " + timeColumn + " FROM event) " + alias;
        return select + " WHERE " + alias + ".customer_id = c.customer_id AND " + alias + ".type = ANY (?)";
    }

    private List<String> eventTypes(JsonNode node, String path, boolean allowOrder) {
        List<String> types = new ArrayList<>();
        if (node != null && node.isTextual()) {
            types.add(node.asText());
        } else if (node != null && node.isArray() && !node.isEmpty()) {
            node.forEach(t -> types.add(t.asText()));
        } else {
            error(path, "must be an event type or a non-empty array of them");
            return null;
        }
        for (String type : types) {
            if (!EVENT_TYPE.matcher(type).matches()) {
                error(path, "'" + type + "' is not an event type (lower-case letters, digits and _.:-)");
                return null;
            }
        }
        if (types.contains(ORDER) && (types.size() > 1 || !allowOrder)) {
            error(path, "'order' stands alone: it reads placed orders, not site events");
            return null;
        }
        return types;
    }

    /** Property filters as SQL and the values it binds, added to the parameters where the SQL lands. */
    private record Filters(String sql, List<Object> values) {
    }

    private Filters properties(JsonNode where, String path, String column) {
        List<Object> values = new ArrayList<>();
        if (where == null) {
            return new Filters("", values);
        }
        if (!where.isObject()) {
            error(path, "must be an object of property: value");
            return new Filters("", values);
        }
        StringBuilder sql = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = where.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!PROPERTY.matcher(f.getKey()).matches() || !f.getValue().isValueNode() || f.getValue().isNull()) {
                error(path + "/" + f.getKey(), "must be a property name with a string, number or boolean value");
                continue;
            }
            sql.append(" AND ").append(column).append(" ->> '").append(f.getKey()).append("' = ?");
            values.add(f.getValue().asText());
        }
        return new Filters(sql.toString(), values);
    }

    private Duration duration(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            error(path, "must be an ISO 8601 duration such as P30D or PT1H");
            return null;
        }
        String text = node.asText();
        try {
            Duration d = text.contains("T") ? Duration.parse(text)
                    : Duration.ofDays(Period.parse(text).getDays());
            if (d.isNegative() || d.isZero() || (!text.contains("T") && (Period.parse(text).getMonths() != 0
                    || Period.parse(text).getYears() != 0))) {
                error(path, "must be a positive duration in days or hours, such as P30D or PT1H");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            error(path, "must be an ISO 8601 duration such as P30D or PT1H");
            return null;
        }
    }

    private void onlyKeys(JsonNode node, String path, String... allowed) {
        context.onlyKeys(node, path, allowed);
    }

    private String error(String path, String message) {
        return context.error(path, message);
    }
}
