package io.rekindle.survey.privacy;

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

    /** Idempotent: 204 whether or not anything was left to anonymise. */
    @DELETE
    @Operation(summary = "Anonymises the customer's answers; aggregate counts stay as they were")
    public void erase(@PathParam("customerId") String customerId) {
        erasure.erase(customerId);
    }
}
