package io.rekindle.platform.peers;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.rekindle.platform.http.Problems;

/** A call that needed another service which cannot answer now: 503 with a hint to retry, nothing half-done. */
public class PeerProblems {

    @ServerExceptionMapper
    public Response unavailable(PeerUnavailableException e) {
        return Response.fromResponse(Problems.of(Response.Status.SERVICE_UNAVAILABLE, "peer-unavailable",
                e.getMessage() + "; try again shortly")).header("Retry-After", "5").build();
    }
}
