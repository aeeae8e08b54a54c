package io.rekindle.messaging.template;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problems;

@Path("/v1/templates")
@Tag(name = "Templates", description = "Message templates per channel and locale")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateCatalog catalog;
    private final TemplateRenderer renderer;

    TemplateResource(TemplateCatalog catalog, TemplateRenderer renderer) {
        this.catalog = catalog;
        this.renderer = renderer;
    }

    @AllowedKeys({ KeyScope.SERVICE })
    @PUT
    @Path("/{templateId}")
    public Response save(@PathParam("templateId") @Pattern(regexp = "[A-Za-z0-9._-]{1,128}") String templateId,
            @Valid @NotNull TemplateDefinition definition) {
        boolean created = catalog.save(templateId, definition);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(TemplateView.of(catalog.find(templateId).orElseThrow())).build();
    }

    @AllowedKeys({ KeyScope.SERVICE })
    @GET
    @Path("/{templateId}")
    public TemplateView get(@PathParam("templateId") String templateId) {
        return catalog.find(templateId).map(TemplateView::of)
                .orElseThrow(() -> new WebApplicationException(Problems.notFound("No template '" + templateId + "'.")));
    }

    /** Renders the template with sample data, or with the customer and variables given. */
    @POST
    @Path("/{templateId}/preview")
    public Rendered preview(@PathParam("templateId") String templateId, @Valid PreviewRequest request) {
        Template template = catalog.find(templateId)
                .orElseThrow(() -> new WebApplicationException(Problems.notFound("No template '" + templateId + "'.")));
        PreviewRequest r = request == null ? new PreviewRequest(null, null, null) : request;
        return renderer.render(template, r.locale(), TemplateData.sample(r.customer(), r.variables()));
    }

    public record PreviewRequest(@Size(max = 35) String locale, Map<String, Object> customer,
            Map<String, Object> variables) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidTemplateException e) {
        return Problems.badRequest("The template is invalid: " + e.getMessage(), e.errors());
    }
}
