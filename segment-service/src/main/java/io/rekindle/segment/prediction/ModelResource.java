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

@Path("/v1/models")
@Tag(name = "Models", description = "The models fitted on the store's orders: BG/NBD for purchases (time in days), "
        + "Gamma-Gamma for spend per purchase")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private static final String NO_DATA = "no-data";

    private final BgNbdModels models;
    private final SpendModels spendModels;
    private final Clock clock;

    ModelResource(BgNbdModels models, SpendModels spendModels, Clock clock) {
        this.models = models;
        this.spendModels = spendModels;
        this.clock = clock;
    }

    @GET
    @Path("/bgnbd")
    public StoredModel latest() {
        return models.latest().orElseThrow(() -> new WebApplicationException(Problems.notFound(
                "No model fitted yet: POST /v1/models/bgnbd/fit, or wait for the daily fit.")));
    }

    /** Fits on the orders up to the end of {@code asOf} (default: now). */
    @POST
    @Path("/bgnbd/fit")
    public StoredModel fit(@QueryParam("asOf") LocalDate asOf) {
        return models.fit(AsOf.of(asOf, clock)).orElseThrow(() -> new WebApplicationException(Problems.of(
                jakarta.ws.rs.core.Response.Status.CONFLICT, NO_DATA,
                "There are no counted orders up to that date to fit on.")));
    }

    @GET
    @Path("/gamma-gamma")
    public StoredSpendModel latestSpend() {
        return spendModels.latest().orElseThrow(() -> new WebApplicationException(Problems.notFound(
                "No spend model fitted yet: POST /v1/models/gamma-gamma/fit, or wait for the daily recompute.")));
    }

    /** Fits the spend model on the repeat buyers' orders up to the end of {@code asOf} (default: now). */
    @POST
    @Path("/gamma-gamma/fit")
    public StoredSpendModel fitSpend(@QueryParam("asOf") LocalDate asOf) {
        return spendModels.fit(AsOf.of(asOf, clock)).orElseThrow(() -> new WebApplicationException(Problems.of(
                jakarta.ws.rs.core.Response.Status.CONFLICT, NO_DATA,
                "No customer has a repeat purchase up to that date to fit spend on.")));
    }
}
