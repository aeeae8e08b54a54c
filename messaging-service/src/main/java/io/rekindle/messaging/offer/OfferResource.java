package io.rekindle.messaging.offer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problems;

@Path("/v1/offers")
@Tag(name = "Offers", description = "Discounts in one place: a shared code or a pool of single-use codes, versioned")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    private final Offers offers;
    private final Redemptions redemptions;

    OfferResource(Offers offers, Redemptions redemptions) {
        this.offers = offers;
        this.redemptions = redemptions;
    }

    @PUT
    @Path("/{offerId}")
    @Operation(summary = "Creates the offer (201) or saves a new version of it (200)")
    public Response save(@PathParam("offerId") @Pattern(regexp = "[A-Za-z0-9._-]{1,128}") String offerId,
            @Valid @NotNull OfferDefinition definition) {
        var problems = definition.problems();
        if (!problems.isEmpty()) {
            throw new WebApplicationException(Problems.badRequest(problems.get(0).field() + ": "
                    + problems.get(0).message(), problems));
        }
        Offers.Saved saved = offers.save(offerId, definition);
        return Response.status(saved.created() ? 201 : 200).entity(view(offerId)).build();
    }

    @GET
    @Path("/{offerId}")
    @AllowedKeys({ KeyScope.SERVICE })
    public OfferView get(@PathParam("offerId") String offerId) {
        return view(offerId);
    }

    @GET
    @Path("/{offerId}/report")
    @Operation(summary = "Codes sent, orders that redeemed them, what the discounts cost and what the orders brought in")
    public OfferReport report(@PathParam("offerId") String offerId) {
        view(offerId);
        return redemptions.report(offerId);
    }

    @POST
    @Path("/{offerId}/codes")
    @Operation(summary = "Adds single-use codes to a pooled offer; a code already in the pool is not added again")
    public CodesRequest.Added addCodes(@PathParam("offerId") String offerId, @Valid @NotNull CodesRequest request) {
        OfferView offer = view(offerId);
        if (!offer.definition().pooled()) {
            throw new WebApplicationException(Problems.conflict("Offer '" + offerId + "' has one shared code; "
                    + "only a pooled offer (no code) takes single-use codes."));
        }
        int added = offers.addCodes(offerId, request.codes());
        return new CodesRequest.Added(added, view(offerId).codesAvailable());
    }

    private OfferView view(String offerId) {
        return offers.find(offerId).orElseThrow(() -> new WebApplicationException(
                Problems.notFound("No offer '" + offerId + "'.")));
    }
}
