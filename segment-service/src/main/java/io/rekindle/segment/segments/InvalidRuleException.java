package io.rekindle.segment.segments;

import java.util.List;

public class InvalidRuleException extends RuntimeException {

    private final List<RuleError> errors;

    public InvalidRuleException(List<RuleError> errors) {
        super(errors.isEmpty() ? "invalid rule" : errors.get(0).path() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
