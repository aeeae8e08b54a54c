package io.rekindle.segment.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a segment rule and turns it into SQL over the segment base. A rule is a tree: {@code {"all": [...]}},
 * {@code {"any": [...]}}, {@code {"not": rule}}, a field condition {@code {"field", "op", "value"}} or an event
 * predicate {@code {"event", "count", "within", "where"}} / {@code {"event", "notFollowedBy", "within", "lookback"}}.
 * Every error names its node by JSON pointer. A condition on a missing value is false, so {@code not} is a complement.
 * Event predicates compile in {@link EventPredicates}.
 */
public final class RuleCompiler {

    private static final Set<String> NODE_KINDS = Set.of("all", "any", "not", "field", "event");

    private final RuleContext context = new RuleContext();
    private final List<RuleError> errors = context.errors;
    private final List<Object> parameters = context.parameters;
    private final List<String> nextChanges = context.nextChanges;
    private final List<Object> nextChangeParameters = context.nextChangeParameters;
    private final EventPredicates events = new EventPredicates(context);

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
            default -> events.compile(node, path);
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

    private void onlyKeys(JsonNode node, String path, String... allowed) {
        context.onlyKeys(node, path, allowed);
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
        return context.error(path, message);
    }
}
