package io.rekindle.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.Problems;

/**
 * Moves this service's clock forward, where the clock is movable (dev and test profiles, or
 * {@code rekindle.clock.adjustable=true} for a demo); elsewhere 404. Each replica has its own clock.
 */
@Path("/v1/admin/clock")
@Tag(name = "Admin", description = "The service's clock (movable only outside production)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockResource {

    private final Clock clock;

    ClockResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The service's now and how far it runs ahead of the system clock")
    public ClockView now() {
        return new ClockView(clock.instant(), movable().offset());
    }

    @POST
    @Path("/advance")
    @Operation(summary = "Moves the clock forward by an ISO-8601 duration such as P1D")
    public ClockView advance(@NotNull AdvanceRequest request) {
        if (request.by() == null || request.by().isNegative() || request.by().isZero()) {
            throw new WebApplicationException(Problems.badRequest("by", "must be a positive ISO-8601 duration such as PT1H"));
        }
        MovableClock movable = movable();
        movable.advance(request.by());
        return new ClockView(clock.instant(), movable.offset());
    }

    private MovableClock movable() {
        if (clock instanceof MovableClock movable) {
            return movable;
        }
        throw new WebApplicationException(Problems.notFound(
                "this service's clock cannot be moved (rekindle.clock.adjustable is off, as in production)"));
    }

    public record AdvanceRequest(Duration by) {
    }

    public record ClockView(Instant now, Duration offset) {
    }
}
