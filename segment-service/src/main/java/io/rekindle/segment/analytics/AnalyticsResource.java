package io.rekindle.segment.analytics;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.segment.metrics.AsOf;
import io.rekindle.segment.metrics.MetricsRecompute;
import io.rekindle.segment.metrics.RfmDistribution;
import io.rekindle.segment.metrics.RfmScores;
import io.rekindle.segment.segments.FullRecompute;

@Path("/v1/analytics")
@Tag(name = "Analytics", description = "Store-level figures; every one accepts asOf=YYYY-MM-DD for backtests")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private final StoreAnalytics analytics;
    private final RfmScores rfm;
    private final FullRecompute recompute;
    private final Clock clock;

    AnalyticsResource(StoreAnalytics analytics, RfmScores rfm, FullRecompute recompute, Clock clock) {
        this.analytics = analytics;
        this.rfm = rfm;
        this.recompute = recompute;
        this.clock = clock;
    }

    @GET
    @Path("/purchase-latency")
    public StoreAnalytics.PurchaseLatency purchaseLatency(@QueryParam("asOf") LocalDate asOf) {
        return analytics.purchaseLatency(AsOf.of(asOf, clock));
    }

    @GET
    @Path("/rfm")
    public RfmDistribution rfm(@QueryParam("asOf") LocalDate asOf) {
        return rfm.distribution(AsOf.of(asOf, clock));
    }

    @GET
    @Path("/retention")
    public Retention retention(@QueryParam("asOf") LocalDate asOf) {
        return analytics.retention(AsOf.of(asOf, clock));
    }

    /** Recomputes RFM, the store's latency, the BG/NBD fit, every customer's figures and every segment (also daily). */
    @POST
    @Path("/recompute")
    public MetricsRecompute.Outcome recompute(@QueryParam("asOf") LocalDate asOf) {
        return recompute.run(asOf);
    }
}
