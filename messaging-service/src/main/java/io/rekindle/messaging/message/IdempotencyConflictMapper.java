package io.rekindle.messaging.message;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.rekindle.platform.http.Problems;

/** A key used before for another request (a message, a batch item, a broadcast) is a 409 wherever it comes from. */
public class IdempotencyConflictMapper {

    @ServerExceptionMapper
    public Response conflict(IdempotencyConflictException e) {
        return Problems.conflict(e.getMessage());
    }
}
