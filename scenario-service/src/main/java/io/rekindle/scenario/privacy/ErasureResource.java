package io.rekindle.scenario.privacy;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/customers/{customerId}")
@Tag(name = "Privacy", description = "Erasure of a customer (called by segment-service)")
public class ErasureResource {

    private final Erasure erasure;

    ErasureResource(Erasure erasure) {
        this.erasure = erasure;
    }

    /** Idempotent: 204 whether or not anything was left. */
    @DELETE
    @Operation(summary = "Ends the customer's journeys and keeps only pseudonymous counts")
    public void erase(@PathParam("customerId") String customerId) {
        erasure.erase(customerId);
    }
}
