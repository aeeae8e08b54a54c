package io.rekindle.scenario.scenario;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import io.rekindle.platform.http.Problem;
import io.rekindle.platform.http.Problems;
import io.rekindle.scenario.peers.References;

@Path("/v1/scenarios")
@Tag(name = "Scenarios", description = "Versioned scenario definitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    private final ScenarioCatalog catalog;
    private final References references;

    ScenarioResource(ScenarioCatalog catalog, References references) {
        this.catalog = catalog;
        this.references = references;
    }

    @GET
    public List<ScenarioView> list() {
        return catalog.all();
    }

    @POST
    public Response create(@Valid @NotNull ScenarioDefinition definition) {
        validate(definition);
        ScenarioView created = catalog.create(definition);
        return Response.created(URI.create("/v1/scenarios/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{scenarioId}")
    public ScenarioView get(@PathParam("scenarioId") String scenarioId) {
        return catalog.find(scenarioId).orElseThrow(() -> notFound(scenarioId));
    }

    @PUT
    @Path("/{scenarioId}")
    public ScenarioView revise(@PathParam("scenarioId") String scenarioId,
            @Valid @NotNull ScenarioDefinition definition) {
        get(scenarioId);
        validate(definition);
        return catalog.revise(scenarioId, definition).orElseThrow(() -> notFound(scenarioId));
    }

    /** The graph first (no peer needed); only a sound graph has its templates, segments and surveys looked up. */
    private void validate(ScenarioDefinition definition) {
        List<Problem.FieldError> errors = ScenarioRules.check(definition);
        if (errors.isEmpty()) {
            errors = references.check(definition);
        }
        if (!errors.isEmpty()) {
            throw new WebApplicationException(Problems.badRequest("The scenario cannot run as written.", errors));
        }
    }

    private static WebApplicationException notFound(String scenarioId) {
        return new WebApplicationException(Problems.notFound("No scenario '" + scenarioId + "'."));
    }
}
