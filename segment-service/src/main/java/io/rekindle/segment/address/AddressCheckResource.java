package io.rekindle.segment.address;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.segment.hygiene.EmailHygiene;

@Path("/v1/address-checks")
@Tag(name = "Address checks", description = "What a sign-up or checkout form should do with an address before "
        + "storing it; from the shop's server (storefront key) or its pages (browser key, rate limited, CORS)")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AddressCheckResource {

    private final AddressChecks checks;

    AddressCheckResource(EmailHygiene hygiene) {
        this.checks = new AddressChecks(hygiene);
    }

    @POST
    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.BROWSER })
    @Operation(summary = "What a form should do with an address: accept, suggest the one meant, warn or refuse")
    @APIResponse(responseCode = "200", description = "The verdict, with the reason a form can show",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AddressCheck.class)))
    @APIResponse(responseCode = "429", description = "Too many calls with a browser key from this address; "
            + "Retry-After says when to try again", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem")))
    public AddressCheck check(@Valid @NotNull AddressCheckRequest request) {
        return checks.check(request.email());
    }
}
