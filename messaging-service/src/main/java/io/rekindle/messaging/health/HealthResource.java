package io.rekindle.messaging.health;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import io.rekindle.messaging.config.MessagingConfig;

@Path("/v1/analytics")
@Tag(name = "Analytics", description = "The base's health week by week: its mail's fate beside the list itself")
public class HealthResource {

    private final MailHealth mail;
    private final BaseHealthPeer base;
    private final int weeks;
    private final Template page;

    HealthResource(MailHealth mail, BaseHealthPeer base, MessagingConfig config, @Location("health.html") Template page) {
        this.mail = mail;
        this.base = base;
        this.weeks = config.health().weeks();
        this.page = page;
    }

    @GET
    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open, click, bounce and complaint rates of marketing email, suppressions, the list's size, "
            + "inactive share and dirty addresses, week by week, with the weeks a cleaning scenario ran marked")
    public HealthReport health() {
        var byWeek = base.weekly(weeks);
        return HealthReport.of(mail.weekly(weeks), byWeek.orElse(Map.of()), byWeek.isPresent());
    }

    @GET
    @Path("/health.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The same as charts, for a browser")
    public String healthPage() {
        return page.data("page", HealthPage.of(health())).render();
    }
}
