package io.rekindle.messaging.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.messaging.http.Problems;

@Path("/v1/templates")
@Tag(name = "Templates", description = "Message templates per channel and locale")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateCatalog catalog;

    TemplateResource(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    @PUT
    @Path("/{templateId}")
    public Response save(@PathParam("templateId") @Pattern(regexp = "[A-Za-z0-9._-]{1,128}") String templateId,
            @Valid @NotNull TemplateDefinition definition) {
        boolean created = catalog.save(templateId, definition);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(TemplateView.of(catalog.find(templateId).orElseThrow())).build();
    }

    @GET
    @Path("/{templateId}")
    public TemplateView get(@PathParam("templateId") String templateId) {
        return catalog.find(templateId).map(TemplateView::of)
                .orElseThrow(() -> new WebApplicationException(Problems.notFound("No template '" + templateId + "'.")));
    }
}
