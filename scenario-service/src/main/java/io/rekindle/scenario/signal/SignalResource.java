package io.rekindle.scenario.signal;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;

@Path("/v1/signals")
@Tag(name = "Signals", description = "Engagement and answers from messaging- and survey-service, for branches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignalResource {

    private final Signals signals;

    SignalResource(Signals signals) {
        this.signals = signals;
    }

    /** A batch is stored whole or not at all; ids seen before are counted, not stored again. */
    @AllowedKeys({ KeyScope.SERVICE })
    @POST
    @Operation(summary = "Receives a batch of signals (up to 1,000); safe to resend")
    public Map<String, Integer> receive(@NotNull @Size(min = 1, max = 1_000) List<@Valid @NotNull SignalRequest> batch) {
        int added = signals.store(batch);
        return Map.of("received", batch.size(), "new", added);
    }
}
