package io.rekindle.messaging.offer;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Single-use codes for an offer's pool, up to 10,000 a call. */
public record CodesRequest(@NotNull @NotEmpty @Size(max = 10_000)
        List<@NotNull @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> codes) {

    /** How many were new to the pool, and how many of the pool are left to draw. */
    public record Added(int added, long available) {
    }
}
