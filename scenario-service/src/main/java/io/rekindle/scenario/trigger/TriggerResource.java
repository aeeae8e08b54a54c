package io.rekindle.scenario.trigger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;
import io.rekindle.scenario.signal.SignalRequest;
import io.rekindle.scenario.signal.Signals;

@Path("/v1/triggers")
@Tag(name = "Triggers", description = "Storefront events that start scenarios (API triggers)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TriggerResource {

    private final ScenarioCatalog catalog;
    private final Entry entry;
    private final Signals signals;
    private final Clock clock;

    TriggerResource(ScenarioCatalog catalog, Entry entry, Signals signals, Clock clock) {
        this.catalog = catalog;
        this.entry = entry;
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * Enters the customer into every scenario triggered by this event type (keyed by the trigger's property, such as
     * cartId). 202 with the enrollments made; the same eventId again enrolls nobody (the entry rules hold too). The
     * signal and the enrollments commit together.
     */
    @POST
    @Transactional
    @Operation(summary = "An event that may start scenarios; safe to retry with the same eventId")
    public Response trigger(@Valid @NotNull TriggerRequest request) {
        var occurredAt = request.occurredAt() != null ? request.occurredAt() : clock.instant();
        boolean fresh = signals.store(List.of(new SignalRequest("trigger:" + request.eventId(), request.customerId(),
                request.type(), occurredAt, Map.of(), request.properties()))) == 1;
        List<String> enrollments = new ArrayList<>();
        if (fresh) {
            for (ScenarioView scenario : catalog.all()) {
                var trigger = scenario.definition().trigger();
                if ("event".equals(trigger.type()) && trigger.events().contains(request.type())) {
                    String key = trigger.key() == null || request.properties() == null ? null
                            : String.valueOf(request.properties().getOrDefault(trigger.key(), ""));
                    entry.enter(scenario, request.customerId(), key).ifPresent(enrollments::add);
                }
            }
        }
        return Response.accepted(Map.of("eventId", request.eventId(), "duplicate", !fresh,
                "enrollments", enrollments)).build();
    }
}
