package io.rekindle.platform.http;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses; the one place that knows the format. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://rekindle.dev/problems/";

    private Problems() {
    }

    public static Response of(Response.StatusType status, String type, String detail, List<Problem.FieldError> errors) {
        Problem problem = new Problem(TYPE_BASE + type, status.getReasonPhrase(), status.getStatusCode(), detail, null,
                errors);
        return Response.status(status.getStatusCode()).type(MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(Response.StatusType status, String type, String detail) {
        return of(status, type, detail, List.of());
    }

    public static Response badRequest(String detail, List<Problem.FieldError> errors) {
        return of(Response.Status.BAD_REQUEST, "invalid-request", detail, errors);
    }

    public static Response badRequest(String field, String message) {
        return badRequest(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static Response unauthorized(String detail) {
        return Response.fromResponse(of(Response.Status.UNAUTHORIZED, "unauthorized", detail))
                .header("WWW-Authenticate", "Bearer").build();
    }

    public static Response notFound(String detail) {
        return of(Response.Status.NOT_FOUND, "not-found", detail);
    }

    public static Response conflict(String detail) {
        return of(Response.Status.CONFLICT, "conflict", detail);
    }
}
