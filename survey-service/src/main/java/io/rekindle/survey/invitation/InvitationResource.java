package io.rekindle.survey.invitation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problems;

@Path("/v1/surveys/{surveyId}/invitations")
@Tag(name = "Invitations", description = "Personal, signed, expiring links to a survey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final Invitations invitations;

    InvitationResource(Invitations invitations) {
        this.invitations = invitations;
    }

    /** 201 with the personal link; with an Idempotency-Key seen before, 200 with the same invitation. */
    @AllowedKeys({ KeyScope.SERVICE })
    @POST
    public Response invite(@PathParam("surveyId") String surveyId,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @Valid @NotNull InvitationRequest request) {
        Invitations.Issued issued = invitations.invite(surveyId, request, idempotencyKey);
        return Response.status(issued.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(issued.invitation()).build();
    }

    @AllowedKeys({ KeyScope.SERVICE })
    @GET
    @Path("/{invitationId}")
    public InvitationView get(@PathParam("surveyId") String surveyId, @PathParam("invitationId") String invitationId) {
        return invitations.find(invitationId).filter(i -> i.surveyId().equals(surveyId))
                .orElseThrow(() -> new WebApplicationException(Problems.notFound("No invitation '" + invitationId
                        + "' to survey '" + surveyId + "'.")));
    }
}
