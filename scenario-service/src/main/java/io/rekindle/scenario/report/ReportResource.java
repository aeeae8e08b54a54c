package io.rekindle.scenario.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.scenario.http.Problems;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;

@Path("/v1/scenarios/{scenarioId}/report")
@Tag(name = "Report", description = "Per step and variant, and treatment against holdout with intervals")
public class ReportResource {

    private final ScenarioCatalog catalog;
    private final Reports reports;

    ReportResource(ScenarioCatalog catalog, Reports reports) {
        this.catalog = catalog;
        this.reports = reports;
    }

    /** {@code mde}: the absolute lift in conversion rate the sample-size figures are for (default 1 point). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ScenarioReport report(@PathParam("scenarioId") String scenarioId,
            @QueryParam("mde") @DefaultValue("0.01") @DecimalMin(value = "0.001") @DecimalMax("0.5") double mde) {
        ScenarioView scenario = catalog.find(scenarioId).orElseThrow(() -> new WebApplicationException(
                Problems.notFound("No scenario '" + scenarioId + "'.")));
        return reports.report(scenarioId, scenario.definition().attributionWindowDays(), mde);
    }
}
