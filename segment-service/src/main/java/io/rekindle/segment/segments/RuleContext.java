package io.rekindle.segment.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** What compiling one rule collects: its errors, the SQL's parameters, and when its answer can next change. */
final class RuleContext {

    final List<RuleError> errors = new ArrayList<>();
    final List<Object> parameters = new ArrayList<>();
    final List<String> nextChanges = new ArrayList<>();
    final List<Object> nextChangeParameters = new ArrayList<>();

    /** Records the error at this JSON pointer; answers SQL that matches nothing, so compiling can go on. */
    String error(String path, String message) {
        errors.add(new RuleError(path.isEmpty() ? "/" : path, message));
        return "FALSE";
    }

    void onlyKeys(JsonNode node, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                error(path + "/" + name, "is not allowed here (allowed: " + String.join(", ", allowed) + ")");
            }
        });
    }
}
