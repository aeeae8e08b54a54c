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

import io.rekindle.platform.http.Problems;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;

@Path("/v1/scenarios/{scenarioId}")
@Tag(name = "Report", description = "Per step and variant, and treatment against holdout with intervals")
public class ReportResource {

    private final ScenarioCatalog catalog;
    private final Reports reports;

    ReportResource(ScenarioCatalog catalog, Reports reports) {
        this.catalog = catalog;
        this.reports = reports;
    }

    @io.quarkus.qute.CheckedTemplate
    static class Templates {
        static native io.quarkus.qute.TemplateInstance page(ReportPage page);
    }

    /** The same report as a page with charts (funnel per step, lift with its interval), for a browser. */
    @GET
    @Path("/report.html")
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("scenarioId") String scenarioId,
            @QueryParam("mde") @DefaultValue("0.01") @DecimalMin(value = "0.001") @DecimalMax("0.5") double mde) {
        return Templates.page(ReportPage.of(scenario(scenarioId).definition().name(), report(scenarioId, mde))).render();
    }

    /** {@code mde}: the absolute lift in conversion rate the sample-size figures are for (default 1 point). */
    @GET
    @Path("/report")
    @Produces(MediaType.APPLICATION_JSON)
    public ScenarioReport report(@PathParam("scenarioId") String scenarioId,
            @QueryParam("mde") @DefaultValue("0.01") @DecimalMin(value = "0.001") @DecimalMax("0.5") double mde) {
        var definition = scenario(scenarioId).definition();
        return reports.report(scenarioId, definition.attributionWindowDays(), definition.steps(), mde);
    }

    private ScenarioView scenario(String scenarioId) {
        return catalog.find(scenarioId).orElseThrow(() -> new WebApplicationException(
                Problems.notFound("No scenario '" + scenarioId + "'.")));
    }
}
