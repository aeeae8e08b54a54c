package io.rekindle.segment.segments;

import java.util.Set;

/** What a field holds, and so which operators and values a condition on it may use. */
enum FieldType {
    NUMBER(Set.of("=", "!=", "<", "<=", ">", ">=", "in", "not in", "exists", "not exists")),
    TEXT(Set.of("=", "!=", "in", "not in", "exists", "not exists")),
    BOOLEAN(Set.of("=", "!=")),
    /** A free attribute: its JSON type is only known per customer. */
    ANY(Set.of("=", "!=", "<", "<=", ">", ">=", "in", "not in", "exists", "not exists"));

    final Set<String> operators;

    FieldType(Set<String> operators) {
        this.operators = operators;
    }
}
