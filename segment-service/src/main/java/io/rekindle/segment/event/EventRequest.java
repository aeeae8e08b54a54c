package io.rekindle.segment.event;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rekindle.segment.intake.IdField;

/** A site or engagement event; any type is kept, the known ones feed the metrics. */
@IdField("eventId")
public record EventRequest(
        @NotBlank @Size(max = 128) String eventId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9_.:-]{0,63}", message = "must be lower-case letters, digits and _.:- such as cart_updated") String type,
        @NotNull Instant occurredAt,
        Map<String, Object> properties) {
}
