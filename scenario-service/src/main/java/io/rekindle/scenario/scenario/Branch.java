package io.rekindle.scenario.scenario;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** One arm of an A/B split: its variant name, its weight, where it goes. */
public record Branch(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String variant, @PositiveOrZero int weight,
        String next) {
}
