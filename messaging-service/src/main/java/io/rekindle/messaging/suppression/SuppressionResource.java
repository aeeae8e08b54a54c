package io.rekindle.messaging.suppression;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;


@Path("/v1/suppressions")
@Tag(name = "Suppressions", description = "Addresses never messaged again (besides those the webhooks suppress)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuppressionResource {

    private final Suppressions suppressions;

    SuppressionResource(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    /** Idempotent: suppressing a suppressed address keeps its first reason. */
    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @POST
    public Map<String, String> suppress(@Valid @NotNull SuppressionRequest request) {
        suppressions.suppress(request.channel(), request.address(), request.reason());
        return Map.of("channel", request.channel().name().toLowerCase(), "address",
                Suppressions.normalise(request.channel(), request.address()),
                "reason", suppressions.reason(request.channel(), request.address()));
    }
}
