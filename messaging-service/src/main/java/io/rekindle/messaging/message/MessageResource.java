package io.rekindle.messaging.message;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problems;

@Path("/v1/messages")
@Tag(name = "Messages", description = "Email, SMS and push sends, each once, and their delivery history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final MessageStore messages;
    private final MessageViews views;
    private final TemplateCheck templates;

    MessageResource(MessageStore messages, MessageViews views, TemplateCheck templates) {
        this.messages = messages;
        this.views = views;
        this.templates = templates;
    }

    /**
     * Queues a message (202). The same Idempotency-Key again answers the same message and sends nothing new; the
     * same key with a different body is 409.
     */
    @AllowedKeys({ KeyScope.SERVICE })
    @POST
    public Response send(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull SendRequest request) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new WebApplicationException(Problems.badRequest("Idempotency-Key",
                    "is required (1-255 characters), for example the enrollment and step"));
        }
        check("", request);
        MessageStore.Accepted accepted = messages.accept(key.trim(), request);
        return Response.accepted(views.find(accepted.messageId()).orElseThrow())
                .header("Location", "/v1/messages/" + accepted.messageId())
                .header("Idempotent-Replayed", Boolean.toString(!accepted.created())).build();
    }

    /**
     * Queues up to 1,000 messages at once (202), all or none, each under its own idempotency key with the same
     * guarantees as a single send: a key seen before answers its message, with a different body it is a 409.
     */
    @AllowedKeys({ KeyScope.SERVICE })
    @POST
    @Path("/batch")
    public Response sendBatch(@Valid @NotNull SendBatch batch) {
        for (int i = 0; i < batch.items().size(); i++) {
            check("items[" + i + "].message.", batch.items().get(i).message());
        }
        List<MessageStore.Accepted> accepted = messages.acceptAll(batch.items().stream()
                .map(item -> new MessageStore.Keyed(item.idempotencyKey().trim(), item.message())).toList());
        List<SendBatch.AcceptedItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            items.add(new SendBatch.AcceptedItem(batch.items().get(i).idempotencyKey().trim(),
                    accepted.get(i).messageId(), !accepted.get(i).created()));
        }
        return Response.accepted(new SendBatch.Accepted(items)).build();
    }

    private void check(String path, SendRequest request) {
        templates.check(path + "template", request.template(), request.channel());
        templates.checkOffer(path + "offer", request.offer());
    }

    @AllowedKeys({ KeyScope.SERVICE })
    @GET
    @Path("/{id}")
    public MessageView get(@PathParam("id") String id) {
        return views.find(id)
                .orElseThrow(() -> new WebApplicationException(Problems.notFound("No message '" + id + "'.")));
    }

    @GET
    public List<MessageView> byCustomer(@QueryParam("customerId") String customerId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        if (customerId == null || customerId.isBlank()) {
            throw new WebApplicationException(Problems.badRequest("customerId", "is required"));
        }
        return views.byCustomer(customerId, limit);
    }
}
