package io.rekindle.messaging.privacy;

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
    @Operation(summary = "Suppresses the customer's addresses by salted hash and keeps no personal data of theirs")
    public void erase(@PathParam("customerId") String customerId) {
        erasure.erase(customerId);
    }
}
