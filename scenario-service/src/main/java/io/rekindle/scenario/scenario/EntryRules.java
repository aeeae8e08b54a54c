package io.rekindle.scenario.scenario;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who may enter: one active enrollment per customer (per customer and key for keyed triggers), again only after
 * {@code reentryAfterDays} since the last entry (null: never again), at most {@code maxPerDay} entries a day, and
 * never while the customer is in a journey of one of the {@code notWhileIn} scenarios (checked again before every
 * step: such a journey starting later ends this one).
 */
public record EntryRules(@Min(0) @Max(3650) Integer reentryAfterDays, @Min(1) Integer maxPerDay,
        @Size(max = 20) @Schema(description = "Scenario ids: a customer in an active journey of one of them does not "
                + "enter, and an enrollment ends (other_journey) when one starts") List<@NotBlank String> notWhileIn) {

    /** The scenarios this one must not overlap with; none when not given. */
    public List<String> exclusive() {
        return notWhileIn == null ? List.of() : notWhileIn;
    }
}
