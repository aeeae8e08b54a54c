package io.rekindle.segment.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.platform.http.FieldPaths;
import io.rekindle.platform.http.Problem;

/**
 * Reads and validates one row of a batch on its own, so that a bad row is reported by index while the good rows
 * are stored.
 */
@ApplicationScoped
public class RowValidator {

    private final ObjectMapper mapper;
    private final Validator validator;

    RowValidator(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The row as {@code type}, or the errors that keep it from being one. */
    public <T> Row<T> read(JsonNode node, Class<T> type) {
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            return Row.invalid(List.of(new Problem.FieldError(fieldOrRow(FieldPaths.of(e)), e.getOriginalMessage())));
        } catch (Exception e) {
            return Row.invalid(List.of(new Problem.FieldError("row", "cannot read the row: " + e.getMessage())));
        }
        if (value == null) {
            return Row.invalid(List.of(new Problem.FieldError("row", "must be an object")));
        }
        List<Problem.FieldError> errors = validate(value);
        return errors.isEmpty() ? Row.valid(value) : Row.invalid(errors);
    }

    /** The bean-validation errors of a row, by field. */
    public <T> List<Problem.FieldError> validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return List.of();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : violations) {
            errors.add(new Problem.FieldError(FieldPaths.of(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    private static String fieldOrRow(String field) {
        return field.isEmpty() ? "row" : field;
    }

    public record Row<T>(T value, List<Problem.FieldError> errors) {
        static <T> Row<T> valid(T value) {
            return new Row<>(value, List.of());
        }

        static <T> Row<T> invalid(List<Problem.FieldError> errors) {
            return new Row<>(null, errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }
}
