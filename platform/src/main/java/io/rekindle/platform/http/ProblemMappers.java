package io.rekindle.platform.http;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns every failure into {@code application/problem+json}: bad input is a 4xx naming the field, never a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformedJson(parsing);
        }
        Response response = e.getResponse();
        if (response.hasEntity() && Problems.MEDIA_TYPE.equals(String.valueOf(response.getMediaType()))) {
            return response;
        }
        Response.StatusType status = response.getStatusInfo();
        String type = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problems.of(status, type, e.getMessage());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v.getPropertyPath()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return Problems.badRequest(detail, errors);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = FieldPaths.of(e);
        String message;
        if (e instanceof InvalidFormatException invalid) {
            message = "cannot read '" + invalid.getValue() + "': expected " + describe(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + describe(mismatch.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        if (field.isEmpty()) {
            return Problems.badRequest("Request body: " + message, List.of(new Problem.FieldError("body", message)));
        }
        return Problems.badRequest(field, message);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String message = "malformed JSON" + where + ": " + e.getOriginalMessage();
        return Problems.badRequest("The request body is not valid JSON" + where + ".",
                List.of(new Problem.FieldError("body", message)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return Problems.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "The request failed on our side; it can be retried.");
    }

    private static List<String> jsonNames(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                .map(f -> {
                    com.fasterxml.jackson.annotation.JsonProperty name = f
                            .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    return name != null ? name.value() : f.getName();
                }).toList();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + jsonNames(type);
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object of type " + type.getSimpleName();
    }
}
