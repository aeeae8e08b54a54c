package io.rekindle.messaging.broadcast;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import io.rekindle.messaging.message.TemplateCheck;
import io.rekindle.platform.http.Problems;

/** One-off broadcasts, for the shop's operators (admin key). */
@Path("/v1/broadcasts")
@Tag(name = "Broadcasts", description = "One message to each recipient of a template or scenario step in a window")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BroadcastResource {

    private final Broadcasts broadcasts;
    private final TemplateCheck templates;

    BroadcastResource(Broadcasts broadcasts, TemplateCheck templates) {
        this.broadcasts = broadcasts;
        this.templates = templates;
    }

    /**
     * Queues one message to each customer of the audience through the usual safety net (201; the same
     * Idempotency-Key again answers the same broadcast, 200, and finishes queuing it if a first attempt stopped
     * halfway; with a different body, 409).
     */
    @POST
    public Response create(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull BroadcastRequest request) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new WebApplicationException(Problems.badRequest("Idempotency-Key",
                    "is required (1-255 characters), for example the incident's name"));
        }
        Audience audience = request.audience();
        if (audience.template() == null && audience.scenario() == null) {
            throw new WebApplicationException(Problems.badRequest("audience", "needs a template or a scenario"));
        }
        if (audience.step() != null && audience.scenario() == null) {
            throw new WebApplicationException(Problems.badRequest("audience.step", "needs audience.scenario"));
        }
        if (!audience.from().isBefore(audience.to())) {
            throw new WebApplicationException(Problems.badRequest("audience.to", "must be after audience.from"));
        }
        templates.check("message.template", request.message().template(), request.message().channel());
        Broadcasts.Created created = broadcasts.create(key.trim(), request);
        return Response.status(created.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(created.broadcast()).header("Location", "/v1/broadcasts/" + created.broadcast().id())
                .header("Idempotent-Replayed", Boolean.toString(!created.created())).build();
    }

    /** The broadcast with its report: its messages by state. */
    @GET
    @Path("/{id}")
    public BroadcastView get(@PathParam("id") String id) {
        return broadcasts.find(id)
                .orElseThrow(() -> new WebApplicationException(Problems.notFound("No broadcast '" + id + "'.")));
    }
}
