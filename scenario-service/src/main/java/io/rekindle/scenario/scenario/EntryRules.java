package io.rekindle.scenario.scenario;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Who may enter: one active enrollment per customer (per customer and key for keyed triggers), again only after
 * {@code reentryAfterDays} since the last entry (null: never again), at most {@code maxPerDay} entries a day.
 */
public record EntryRules(@Min(0) @Max(3650) Integer reentryAfterDays, @Min(1) Integer maxPerDay) {
}
