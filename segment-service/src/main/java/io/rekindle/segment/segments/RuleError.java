package io.rekindle.segment.segments;

/** What is wrong with a rule and where: {@code path} is a JSON pointer into the rule, such as /all/1/op. */
public record RuleError(String path, String message) {
}
