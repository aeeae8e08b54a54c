package io.rekindle.messaging.template;

import java.util.List;

import io.rekindle.platform.http.Problem;

/** A template that does not compile or lacks what its channel needs; each error names the part and line. */
public class InvalidTemplateException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidTemplateException(List<Problem.FieldError> errors) {
        super(errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
