package io.rekindle.segment.segments;

import java.util.Set;

/**
 * A field a condition can read: its SQL over the segment base (customer c, customer_metrics m, customer_rfm r and
 * the parameters :today and :now), its type, and for enumerations the allowed values.
 */
record Field(String name, FieldType type, String sql, Set<String> allowedValues, DayClock clock) {

    /**
     * How a field moves with time alone: it equals (:today - anchor) / scale, the anchor a date and the scale a
     * positive number of days (1 for "days since"), so a comparison with a constant can only flip on a known day.
     */
    record DayClock(String anchorSql, String scaleSql) {
    }

    static Field number(String name, String sql) {
        return new Field(name, FieldType.NUMBER, sql, Set.of(), null);
    }

    /** Whole days from an anchor date to the evaluation day. */
    static Field daysSince(String name, String anchorSql) {
        return new Field(name, FieldType.NUMBER, ":today - " + anchorSql, Set.of(), new DayClock(anchorSql, "1"));
    }

    /** Days since an anchor date measured in a per-customer unit of days. */
    static Field daysSinceIn(String name, String anchorSql, String scaleSql) {
        return new Field(name, FieldType.NUMBER, "(:today - " + anchorSql + ") / nullif(" + scaleSql + ", 0)",
                Set.of(), new DayClock(anchorSql, scaleSql));
    }

    static Field text(String name, String sql) {
        return new Field(name, FieldType.TEXT, sql, Set.of(), null);
    }

    static Field enumeration(String name, String sql, Set<String> values) {
        return new Field(name, FieldType.TEXT, sql, values, null);
    }

    static Field bool(String name, String sql) {
        return new Field(name, FieldType.BOOLEAN, sql, Set.of(), null);
    }

    static Field any(String name, String sql) {
        return new Field(name, FieldType.ANY, sql, Set.of(), null);
    }
}
