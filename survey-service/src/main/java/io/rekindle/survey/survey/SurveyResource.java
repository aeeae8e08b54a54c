package io.rekindle.survey.survey;

import java.util.List;

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

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problem;
import io.rekindle.platform.http.Problems;

@Path("/v1/surveys")
@Tag(name = "Surveys", description = "Survey definitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final SurveyCatalog catalog;

    SurveyResource(SurveyCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<SurveyView> list() {
        return catalog.all().stream().map(SurveyView::of).toList();
    }

    @PUT
    @Path("/{surveyId}")
    public Response save(@PathParam("surveyId") @Pattern(regexp = "[A-Za-z0-9._-]{1,128}") String surveyId,
            @Valid @NotNull SurveyDefinition definition) {
        List<Problem.FieldError> errors = SurveyRules.check(definition);
        if (!errors.isEmpty()) {
            throw new WebApplicationException(Problems.badRequest("The survey is not consistent.", errors));
        }
        boolean created = catalog.save(surveyId, definition);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(SurveyView.of(catalog.find(surveyId).orElseThrow())).build();
    }

    @AllowedKeys({ KeyScope.SERVICE })
    @GET
    @Path("/{surveyId}")
    public SurveyView get(@PathParam("surveyId") String surveyId) {
        return catalog.find(surveyId).map(SurveyView::of)
                .orElseThrow(() -> new WebApplicationException(Problems.notFound("No survey '" + surveyId + "'.")));
    }
}
