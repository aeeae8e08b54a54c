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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.rekindle.segment.metrics.AsOf;
import io.rekindle.segment.metrics.MetricsRecompute;
import io.rekindle.segment.metrics.RfmDistribution;
import io.rekindle.segment.metrics.RfmScores;
import io.rekindle.segment.segments.FullRecompute;
import io.rekindle.segment.value.ValueGrid;
import io.rekindle.segment.value.ValueGrids;
import io.rekindle.segment.value.ValuePage;

@Path("/v1/analytics")
@Tag(name = "Analytics", description = "Store-level figures; every one accepts asOf=YYYY-MM-DD for backtests")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private final StoreAnalytics analytics;
    private final RfmScores rfm;
    private final FullRecompute recompute;
    private final Clock clock;
    private final ValueGrids values;

    AnalyticsResource(StoreAnalytics analytics, RfmScores rfm, FullRecompute recompute, Clock clock,
            ValueGrids values) {
        this.values = values;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance value(ValuePage page);
    }

    /** Buyers by current value quintile (rows) and potential value quintile, from the last full computation. */
    @GET
    @Path("/value")
    public ValueGrid value() {
        return values.grid();
    }

    /** The same grid as heat maps, for a browser. */
    @GET
    @Path("/value.html")
    @Produces(MediaType.TEXT_HTML)
    public String valuePage() {
        return Templates.value(ValuePage.of(values.grid())).render();
    }

    /** Recomputes RFM, the store's latency, the BG/NBD fit, every customer's figures and every segment (also daily). */
    @POST
    @Path("/recompute")
    public MetricsRecompute.Outcome recompute(@QueryParam("asOf") LocalDate asOf) {
        return recompute.run(asOf);
    }
}
