package io.rekindle.messaging.outbox;

import java.util.List;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** segment-service's event intake (its OpenAPI contract: POST /v1/events/batch). */
@RegisterRestClient(configKey = "segment")
@Path("/v1/events/batch")
public interface SegmentEvents {

    @POST
    JsonNode post(List<JsonNode> events, @HeaderParam("Authorization") String authorization);
}
