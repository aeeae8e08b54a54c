package io.rekindle.messaging.dispatch;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** segment-service's customer profiles (its OpenAPI contract: GET /v1/customers/{customerId}). */
@RegisterRestClient(configKey = "segment")
@Path("/v1/customers")
public interface SegmentCustomers {

    @GET
    @Path("/{customerId}")
    JsonNode get(@PathParam("customerId") String customerId, @HeaderParam("Authorization") String authorization);
}
