package io.rekindle.segment.subscriptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.OutboundUrls;
import io.rekindle.platform.http.Problem;
import io.rekindle.platform.http.Problems;
import io.rekindle.segment.segments.Segments;

@Path("/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Push delivery of segment changes to a callback URL, with retries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final Segments segments;
    private final OutboundUrls outbound;

    SubscriptionResource(Subscriptions subscriptions, Segments segments, OutboundUrls outbound) {
        this.subscriptions = subscriptions;
        this.segments = segments;
        this.outbound = outbound;
    }

    /**
     * Subscribes a callback URL to segments (201 with the signing secret, shown only now), or updates the existing
     * subscription of that URL (200, its cursor kept): safe to repeat at every start of the subscriber.
     */
    @POST
    public Response subscribe(@Valid @NotNull SubscriptionRequest request) {
        try {
            outbound.check(request.callbackUrl());
        } catch (OutboundUrls.RefusedUrlException e) {
            throw new WebApplicationException(Problems.badRequest("callbackUrl", e.getMessage()));
        }
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < request.segments().size(); i++) {
            if (segments.find(request.segments().get(i)).isEmpty()) {
                unknown.add(new Problem.FieldError("segments/" + i, "no segment '" + request.segments().get(i) + "'"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new WebApplicationException(Problems.badRequest("Unknown segments: " + unknown.get(0).message(),
                    unknown));
        }
        Subscriptions.Subscribed result = subscriptions.subscribe(request);
        Subscription s = result.subscription();
        return result.created() ? Response.created(URI.create("/v1/subscriptions/" + s.id())).entity(s).build()
                : Response.ok(s).build();
    }

    @GET
    public List<Subscription> list() {
        return subscriptions.all();
    }

    @GET
    @Path("/{id}")
    public Subscription get(@PathParam("id") String id) {
        return subscriptions.find(id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static WebApplicationException notFound(String id) {
        return new WebApplicationException(Problems.notFound("No subscription '" + id + "'."));
    }
}
