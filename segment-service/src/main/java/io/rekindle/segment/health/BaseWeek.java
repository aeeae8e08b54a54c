package io.rekindle.segment.health;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The base at the last full recompute of one week (Monday to Sunday, UTC). */
public record BaseWeek(
        @Schema(description = "The Monday the week starts on") LocalDate weekStart,
        @Schema(description = "The day the figures were taken") LocalDate day,
        @Schema(description = "Customers on the list") int customers,
        @Schema(description = "Of them, with an email address consenting to email") int reachable,
        @Schema(description = "Of them, in the store's inactivity segments (rekindle.health.inactive-segments)")
        int inactive,
        @Schema(description = "Of them, with an address hygiene found dirty (invalid, disposable, role, typo)")
        int dirty,
        @Schema(description = "Customers erased since the suite started, up to that day") int erasedTotal) {

    @JsonProperty
    @Schema(description = "Share of the list in the inactivity segments, 0 to 1")
    public double inactiveShare() {
        return customers == 0 ? 0 : (double) inactive / customers;
    }
}
