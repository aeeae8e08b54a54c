package io.rekindle.messaging.privacy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;

@Path("/v1")
@Tag(name = "Privacy", description = "Erasure of a customer (called by segment-service)")
public class ErasureResource {

    private final Erasure erasure;

    ErasureResource(Erasure erasure) {
        this.erasure = erasure;
    }

    /** Idempotent: 204 whether or not anything was left. */
    @AllowedKeys({ KeyScope.SERVICE })
    @DELETE
    @Path("/customers/{customerId}")
    @Operation(summary = "Suppresses the customer's addresses by salted hash and keeps no personal data of theirs")
    public void erase(@PathParam("customerId") String customerId) {
        erasure.erase(customerId, null);
    }

    /** segment-service's outbox: a batch of erasures, each idempotent, so a resend is harmless. */
    @AllowedKeys({ KeyScope.SERVICE })
    @POST
    @Path("/erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erases a batch of customers (segment-service passes its erasures on this way)")
    public java.util.Map<String, Integer> eraseAll(
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 1_000)
            java.util.List<@jakarta.validation.Valid @jakarta.validation.constraints.NotNull ErasureRequest> batch) {
        batch.forEach(e -> erasure.erase(e.customerId(), e.addressHashes()));
        return java.util.Map.of("erased", batch.size());
    }
}
