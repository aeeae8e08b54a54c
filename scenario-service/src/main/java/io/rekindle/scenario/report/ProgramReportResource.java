package io.rekindle.scenario.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/reports/program")
@Tag(name = "Report")
public class ProgramReportResource {

    private final ProgramReports reports;

    ProgramReportResource(ProgramReports reports) {
        this.reports = reports;
    }

    /** The whole program against the program-wide holdout: overall, and week by week for the last {@code weeks}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ProgramReport report(@QueryParam("weeks") @DefaultValue("12") @Min(1) @Max(104) int weeks) {
        return reports.report(weeks);
    }
}
