package io.rekindle.messaging.links;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.PublicEndpoint;

/**
 * RFC 8058 one-click unsubscribe. A POST (what mail clients send for List-Unsubscribe-Post) unsubscribes at once,
 * with no cookie or login; a GET (a person or a link scanner following the link) only shows a page asking to confirm.
 */
@Path("/u/{token}")
@PublicEndpoint
@Tag(name = "Unsubscribe", description = "Public one-click unsubscribe, authenticated by the signed token")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    private final Unsubscribes unsubscribes;
    private final PublicLinks links;

    UnsubscribeResource(Unsubscribes unsubscribes, PublicLinks links) {
        this.unsubscribes = unsubscribes;
        this.links = links;
    }

    @GET
    public Response confirm(@PathParam("token") String token) {
        if (links.unsubscribeMessage(token).isEmpty()) {
            return unknown();
        }
        return Response.ok(Pages.page("Unsubscribe", "<p>Stop receiving these messages?</p>"
                + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>")).build();
    }

    @POST
    public Response unsubscribe(@PathParam("token") String token) {
        var messageId = links.unsubscribeMessage(token);
        if (messageId.isEmpty() || !unsubscribes.unsubscribe(messageId.get())) {
            return unknown();
        }
        return Response.ok(Pages.page("Unsubscribed", "<p>You are unsubscribed. You will not receive these messages "
                + "any more.</p>")).build();
    }

    private static Response unknown() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML)
                .entity(Pages.page("Link not valid", "<p>This unsubscribe link is not valid. If you keep receiving "
                        + "messages you did not ask for, reply to one of them and we will remove you.</p>")).build();
    }
}
