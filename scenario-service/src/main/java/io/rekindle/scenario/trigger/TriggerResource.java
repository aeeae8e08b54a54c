package io.rekindle.scenario.trigger;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;

@Path("/v1/triggers")
@Tag(name = "Triggers", description = "Storefront events that start scenarios (API triggers)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TriggerResource {

    private final Triggers triggers;

    TriggerResource(Triggers triggers) {
        this.triggers = triggers;
    }

    /**
     * Enters the customer into every scenario triggered by this event type. 202 with the enrollments made; the same
     * eventId again enrolls nobody. The signal and the enrollments commit together.
     */
    @AllowedKeys({ KeyScope.STOREFRONT })
    @POST
    @Operation(summary = "An event that may start scenarios; safe to retry with the same eventId")
    public Response trigger(@Valid @NotNull TriggerRequest request) {
        Triggers.Result result = triggers.accept(List.of(request)).get(0);
        return Response.accepted(Map.of("eventId", result.eventId(), "duplicate", result.duplicate(),
                "enrollments", result.enrollments())).build();
    }

    /**
     * Up to 1,000 events taken in their order in one transaction (all or none): 202 with what each did, in the same
     * order. Safe to resend: events seen before enroll nobody.
     */
    @AllowedKeys({ KeyScope.STOREFRONT })
    @POST
    @Path("/batch")
    @Operation(summary = "Events that may start scenarios, in order (up to 1,000); safe to resend")
    public Response batch(@NotNull @Size(min = 1, max = 1_000) List<@Valid @NotNull TriggerRequest> events) {
        return Response.accepted(Map.of("results", triggers.accept(events))).build();
    }
}
