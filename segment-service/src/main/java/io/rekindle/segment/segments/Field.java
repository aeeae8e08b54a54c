package io.rekindle.segment.segments;

import java.util.Set;

/**
 * A field a condition can read: its SQL over the segment base (customer c, customer_metrics m, customer_rfm r and
 * the parameters :today and :now), its type, and for enumerations the allowed values.
 */
record Field(String name, FieldType type, String sql, Set<String> allowedValues) {

    static Field number(String name, String sql) {
        return new Field(name, FieldType.NUMBER, sql, Set.of());
    }

    static Field text(String name, String sql) {
        return new Field(name, FieldType.TEXT, sql, Set.of());
    }

    static Field enumeration(String name, String sql, Set<String> values) {
        return new Field(name, FieldType.TEXT, sql, values);
    }

    static Field bool(String name, String sql) {
        return new Field(name, FieldType.BOOLEAN, sql, Set.of());
    }
}
