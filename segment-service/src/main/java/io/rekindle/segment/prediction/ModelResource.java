package io.rekindle.segment.prediction;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.Problems;
import io.rekindle.segment.metrics.AsOf;

@Path("/v1/models/bgnbd")
@Tag(name = "Models", description = "The BG/NBD purchase model fitted on the store's orders (time in days)")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final BgNbdModels models;
    private final Clock clock;

    ModelResource(BgNbdModels models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    @GET
    public StoredModel latest() {
        return models.latest().orElseThrow(() -> new WebApplicationException(Problems.notFound(
                "No model fitted yet: POST /v1/models/bgnbd/fit, or wait for the daily fit.")));
    }

    /** Fits on the orders up to the end of {@code asOf} (default: now). */
    @POST
    @Path("/fit")
    public StoredModel fit(@QueryParam("asOf") LocalDate asOf) {
        return models.fit(AsOf.of(asOf, clock)).orElseThrow(() -> new WebApplicationException(Problems.of(
                jakarta.ws.rs.core.Response.Status.CONFLICT, "no-data",
                "There are no counted orders up to that date to fit on.")));
    }
}
