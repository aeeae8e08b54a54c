package io.rekindle.survey.results;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.Problems;
import io.rekindle.survey.survey.SurveyCatalog;
import io.rekindle.survey.survey.SurveyDefinition;

@Path("/v1/surveys/{surveyId}")
@Tag(name = "Results", description = "Counts, shares, NPS, free texts and response rate; filterable")
public class ResultsResource {

    private final SurveyCatalog catalog;
    private final ResultsQuery query;

    ResultsResource(SurveyCatalog catalog, ResultsQuery query) {
        this.catalog = catalog;
        this.query = query;
    }

    /** Over the invitations of one scenario, step or variant, sent in [from, to) when given. */
    @GET
    @Path("/results")
    @Produces(MediaType.APPLICATION_JSON)
    public SurveyResults results(@PathParam("surveyId") String surveyId, @QueryParam("scenario") String scenario,
            @QueryParam("step") String step, @QueryParam("variant") String variant,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        SurveyDefinition survey = survey(surveyId);
        SurveyResults.Filters filters = filters(scenario, step, variant, from, to);
        Tally tally = new Tally(survey);
        query.forEach(surveyId, filters, row -> {
            tally.invited();
            if (row.answered()) {
                tally.answered(row.answers(), row.answeredAt());
            }
        });
        return tally.results(surveyId, filters);
    }

    @GET
    @Path("/results.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("surveyId") String surveyId, @QueryParam("scenario") String scenario,
            @QueryParam("step") String step, @QueryParam("variant") String variant,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        SurveyDefinition survey = survey(surveyId);
        SurveyResults.Filters filters = filters(scenario, step, variant, from, to);
        ResultsCsv csv = new ResultsCsv(survey);
        StringBuilder out = new StringBuilder(csv.header());
        query.forEach(surveyId, filters, row -> {
            if (row.answered()) {
                out.append(csv.row(row));
            }
        });
        return Response.ok(out.toString()).type("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + surveyId + "-results.csv\"").build();
    }

    private SurveyDefinition survey(String surveyId) {
        return catalog.find(surveyId).orElseThrow(() -> new WebApplicationException(
                Problems.notFound("No survey '" + surveyId + "'."))).definition;
    }

    private static SurveyResults.Filters filters(String scenario, String step, String variant, Instant from,
            Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new WebApplicationException(Problems.badRequest("from", "must be before 'to'"));
        }
        return new SurveyResults.Filters(scenario, step, variant, from, to);
    }
}
