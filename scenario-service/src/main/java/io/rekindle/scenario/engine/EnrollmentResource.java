package io.rekindle.scenario.engine;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/scenarios/{scenarioId}/enrollments")
@Tag(name = "Enrollments", description = "Who is in a scenario, where, and how it ended")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    private final EnrollmentViews views;

    EnrollmentResource(EnrollmentViews views) {
        this.views = views;
    }

    /** Newest first; one customer's with {@code customerId}. */
    @GET
    public List<EnrollmentView> list(@PathParam("scenarioId") String scenarioId,
            @QueryParam("customerId") String customerId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1_000) int limit) {
        return views.list(scenarioId, customerId, limit);
    }
}
