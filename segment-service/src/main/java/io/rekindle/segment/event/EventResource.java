package io.rekindle.segment.event;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.segment.intake.BatchIntake;
import io.rekindle.segment.intake.BatchReport;
import io.rekindle.segment.intake.FutureDates;

@Path("/v1/events")
@Tag(name = "Events", description = "Site and engagement events, deduplicated by eventId")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventStore store;
    private final BatchIntake batches;
    private final FutureDates futureDates;

    EventResource(EventStore store, BatchIntake batches, FutureDates futureDates) {
        this.store = store;
        this.batches = batches;
        this.futureDates = futureDates;
    }

    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @POST
    @Path("/batch")
    public BatchReport batch(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EventRequest.class))) byte[] rows) {
        return batches.process(rows, EventRequest.class, e -> futureDates.check("occurredAt", e.occurredAt()),
                EventRequest::eventId, store::storeAll);
    }
}
