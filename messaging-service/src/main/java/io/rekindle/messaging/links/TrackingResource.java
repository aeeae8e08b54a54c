package io.rekindle.messaging.links;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.PublicEndpoint;
import io.rekindle.messaging.template.Channel;
import io.rekindle.messaging.webhook.EngagementEvents;
import io.rekindle.messaging.webhook.ProviderEvent;

/** The open pixel and the click redirect of our own emails, authenticated by their signed tokens. */
@Path("/t")
@PublicEndpoint
@Tag(name = "Tracking", description = "Open pixel and click redirects with signed tokens")
public class TrackingResource {

    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final PublicLinks links;
    private final EngagementEvents events;
    private final Clock clock;

    TrackingResource(PublicLinks links, EngagementEvents events, Clock clock) {
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    @GET
    @Path("/o/{token}")
    public Response open(@PathParam("token") String token) {
        var messageId = links.openedMessage(token);
        if (messageId.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        record(messageId.get(), "opened", "open:" + messageId.get(), null);
        return Response.ok(PIXEL, "image/gif").header("Cache-Control", "no-store, private").build();
    }

    @GET
    @Path("/c/{token}")
    public Response click(@PathParam("token") String token, @QueryParam("url") String url) {
        var messageId = links.clickedMessage(token, url);
        if (messageId.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML)
                    .entity(Pages.page("Link not valid", "<p>This link is not valid.</p>")).build();
        }
        // The token is the message's MAC over this URL: one event id per message and link.
        record(messageId.get(), "clicked", "click:" + token, url);
        return Response.status(Response.Status.FOUND).location(URI.create(url)).build();
    }

    private void record(String messageId, String type, String eventId, String url) {
        events.ingest(List.of(new ProviderEvent("rekindle", eventId, messageId, null, Channel.EMAIL, type, null, null,
                url, null, clock.instant())), "rekindle", null, null);
    }
}
