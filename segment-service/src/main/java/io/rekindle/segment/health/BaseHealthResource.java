package io.rekindle.segment.health;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;

@Path("/v1/analytics/base-health")
@Tag(name = "Analytics")
@Produces(MediaType.APPLICATION_JSON)
public class BaseHealthResource {

    private final BaseHealth health;

    BaseHealthResource(BaseHealth health) {
        this.health = health;
    }

    /** The weekly series messaging-service's health page puts beside its mail figures. */
    public record BaseWeeks(List<BaseWeek> weeks) {
    }

    @GET
    @AllowedKeys({ KeyScope.SERVICE })
    @Operation(summary = "The base week by week, as the daily full recompute found it (oldest first)")
    public BaseWeeks weekly(@QueryParam("weeks") @DefaultValue("26") @Min(1) @Max(260) int weeks) {
        return new BaseWeeks(health.weekly(weeks));
    }
}
