package io.rekindle.segment.segments;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a segment rule and turns it into SQL over the segment base. A rule is a tree: {@code {"all": [...]}},
 * {@code {"any": [...]}}, {@code {"not": rule}}, a field condition {@code {"field", "op", "value"}} or an event
 * predicate {@code {"event", "count", "within", "where"}} / {@code {"event", "notFollowedBy", "within", "lookback"}}.
 * Every error names its node by JSON pointer. A condition on a missing value is false, so {@code not} is a complement.
 */
public final class RuleCompiler {

    /** The pseudo event type for a placed order. */
    static final String ORDER = "order";
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);
    private static final Set<String> NODE_KINDS = Set.of("all", "any", "not", "field", "event");

    private final List<RuleError> errors = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final List<String> nextChanges = new ArrayList<>();
    private final List<Object> nextChangeParameters = new ArrayList<>();

    private RuleCompiler() {
    }

    /** @throws InvalidRuleException naming every offending node */
    public static CompiledRule compile(JsonNode rule) {
        RuleCompiler compiler = new RuleCompiler();
        String sql = compiler.node(rule, "");
        if (!compiler.errors.isEmpty()) {
            throw new InvalidRuleException(compiler.errors);
        }
        String nextChange = compiler.nextChanges.isEmpty() ? null
                : compiler.nextChanges.size() == 1 ? compiler.nextChanges.get(0)
                : "least(" + String.join(", ", compiler.nextChanges) + ")";
        return new CompiledRule(sql, List.copyOf(compiler.parameters), nextChange,
                List.copyOf(compiler.nextChangeParameters));
    }

    private String node(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            return error(path, "must be an object with one of all, any, not, field or event");
        }
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (NODE_KINDS.contains(name)) {
                kinds.add(name);
            }
        });
        if (kinds.size() != 1) {
            return error(path, kinds.isEmpty() ? "must have one of all, any, not, field or event"
                    : "must have only one of " + kinds);
        }
        return switch (kinds.get(0)) {
            case "all" -> group(node, "all", " AND ", path);
            case "any" -> group(node, "any", " OR ", path);
            case "not" -> {
                onlyKeys(node, path, "not");
                yield "NOT (" + node(node.get("not"), path + "/not") + ")";
            }
            case "field" -> condition(node, path);
            default -> event(node, path);
        };
    }

    private String group(JsonNode node, String kind, String joiner, String path) {
        onlyKeys(node, path, kind);
        JsonNode children = node.get(kind);
        if (!children.isArray() || children.isEmpty()) {
            return error(path + "/" + kind, "must be a non-empty array of rules");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            parts.add(node(children.get(i), path + "/" + kind + "/" + i));
        }
        return "(" + String.join(joiner, parts) + ")";
    }

    private String condition(JsonNode node, String path) {
        onlyKeys(node, path, "field", "op", "value");
        JsonNode fieldName = node.get("field");
        if (!fieldName.isTextual()) {
            return error(path + "/field", "must be a field name");
        }
        Field field = Fields.find(fieldName.asText()).orElse(null);
        if (field == null) {
            return error(path + "/field", "unknown field '" + fieldName.asText() + "'; known: "
                    + String.join(", ", Fields.KNOWN.keySet()) + ", attributes.<name>");
        }
        JsonNode opNode = node.get("op");
        String op = opNode == null ? null : opNode.asText();
        if (op == null || !field.type().operators.contains(op)) {
            return error(path + "/op", "must be one of " + field.type().operators + " for " + field.name());
        }
        String column = withParameters(field.sql(), parameters);
        if (op.equals("exists") || op.equals("not exists")) {
            if (node.has("value")) {
                return error(path + "/value", "must be absent with " + op);
            }
            return "(" + column + (op.equals("exists") ? ") IS NOT NULL" : ") IS NULL");
        }
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            return error(path + "/value", "is required with " + op);
        }
        boolean list = op.equals("in") || op.equals("not in");
        if (list != value.isArray() || (list && value.isEmpty())) {
            return error(path + "/value", list ? "must be a non-empty array with " + op : "must not be an array");
        }
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < (list ? value.size() : 1); i++) {
            JsonNode item = list ? value.get(i) : value;
            String itemPath = path + "/value" + (list ? "/" + i : "");
            String placeholder = literal(field, item, itemPath);
            if (placeholder == null) {
                return "FALSE";
            }
            placeholders.add(placeholder);
            if (field.clock() != null) {
                dayBoundary(field.clock(), item.decimalValue());
            }
        }
        String left = field.type() == FieldType.ANY && Set.of("<", "<=", ">", ">=").contains(op)
                ? "CASE WHEN jsonb_typeof(" + column + ") = 'number' THEN (" + column + ")::text::numeric END"
                : "(" + column + ")";
        String test = switch (op) {
            case "in" -> left + " IN (" + String.join(", ", placeholders) + ")";
            case "not in" -> left + " NOT IN (" + String.join(", ", placeholders) + ")";
            case "!=" -> left + " <> " + placeholders.get(0);
            default -> left + " " + op + " " + placeholders.get(0);
        };
        return "coalesce(" + test + ", FALSE)";
    }

    /**
     * When a comparison of a day-clock field with {@code value} can next flip: (today - anchor) / scale passes value
     * when today - anchor reaches ceil(value * scale) or floor(value * scale) + 1, at UTC midnight of that day.
     */
    private void dayBoundary(Field.DayClock clock, java.math.BigDecimal value) {
        String anchor = clock.anchorSql();
        String days = "CAST(" + value.toPlainString() + " AS numeric) * (" + clock.scaleSql() + ")";
        String first = anchor + " + least(greatest(ceil(" + days + "), -1000000), 1000000)::int";
        String second = anchor + " + least(greatest(floor(" + days + ") + 1, -1000000), 1000000)::int";
        String sql = "(least(CASE WHEN " + first + " > :today THEN " + first + " END, CASE WHEN " + second
                + " > :today THEN " + second + " END)::timestamp AT TIME ZONE 'UTC')";
        nextChanges.add(withParameters(sql, nextChangeParameters));
    }

    static final String OUT_OF_RANGE = "must be a number between -1e15 and 1e15";
    private static final java.math.BigDecimal LARGEST = new java.math.BigDecimal("1e15");

    /** A finite number small enough to compare with (1e400 reads as infinity, 1e999999999 as a billion digits). */
    static boolean withinRange(JsonNode number) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return false;
        }
        java.math.BigDecimal v = number.decimalValue();
        return v.abs().compareTo(LARGEST) <= 0 && v.scale() <= 20;
    }

    /** A placeholder for one value, checked against the field's type; null after recording an error. */
    private String literal(Field field, JsonNode value, String path) {
        switch (field.type()) {
            case NUMBER -> {
                if (!value.isNumber()) {
                    error(path, "must be a number for " + field.name());
                    return null;
                }
                if (!withinRange(value)) {
                    error(path, OUT_OF_RANGE);
                    return null;
                }
                parameters.add(value.decimalValue());
                return "?";
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    error(path, "must be true or false for " + field.name());
                    return null;
                }
                parameters.add(value.booleanValue());
                return "?";
            }
            case TEXT -> {
                if (!value.isTextual()) {
                    error(path, "must be a string for " + field.name());
                    return null;
                }
                if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(value.asText())) {
                    error(path, "must be one of " + field.allowedValues() + " for " + field.name());
                    return null;
                }
                parameters.add(value.asText());
                return "?";
            }
            default -> {
                if (!value.isValueNode()) {
                    error(path, "must be a string, number or boolean");
                    return null;
                }
                if (value.isNumber() && !withinRange(value)) {
                    error(path, OUT_OF_RANGE);
                    return null;
                }
                parameters.add(value.toString());
                return "CAST(? AS jsonb)";
            }
        }
    }

    private String event(JsonNode node, String path) {
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

    /**
     * The rows of the given types for the customer, as "table alias WHERE ..." with the time column named as asked.
     * Orders are a pseudo event; mixing them with site events is refused by the caller's validation.
     */
    private static String interval(Duration d) {
        return "interval '" + d.toSeconds() + " seconds'";
    }

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
        Set<String> known = Set.of(allowed);
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                error(path + "/" + name, "is not allowed here (allowed: " + String.join(", ", allowed) + ")");
            }
        });
    }

    /** Replaces :today with a bound parameter, in order of appearance. */
    private static String withParameters(String sql, List<Object> parameters) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = sql.indexOf(":today"); at >= 0; at = sql.indexOf(":today", from)) {
            out.append(sql, from, at).append("CAST(? AS date)");
            parameters.add(CompiledRule.Today.VALUE);
            from = at + ":today".length();
        }
        return out.append(sql.substring(from)).toString();
    }

    private String error(String path, String message) {
        errors.add(new RuleError(path.isEmpty() ? "/" : path, message));
        return "FALSE";
    }
}
