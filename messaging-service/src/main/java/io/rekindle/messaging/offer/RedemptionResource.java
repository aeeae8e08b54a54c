package io.rekindle.messaging.offer;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;

@Path("/v1/redemptions")
@Tag(name = "Offers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RedemptionResource {

    private final Redemptions redemptions;

    RedemptionResource(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    /** segment-service's outbox: orders that carried a discount code, each write again, so a resend is harmless. */
    @AllowedKeys({ KeyScope.SERVICE })
    @POST
    @Operation(summary = "Records the orders that carried a discount code (segment-service passes them on this way)")
    public Map<String, Integer> record(@NotNull @Size(max = 1_000) List<@Valid @NotNull RedemptionRequest> batch) {
        return Map.of("received", batch.size(), "matched", redemptions.record(batch));
    }
}
