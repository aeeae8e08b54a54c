package io.rekindle.scenario.scenario;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A scenario graph as its author writes it: a trigger, entry and exit rules, a holdout share, and steps starting at
 * {@code start} (the first step when not given). A {@code transactional} scenario sends what the customer expects
 * (an order's follow-up, a receipt): the program-wide holdout never keeps anyone out of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioDefinition(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2_000) String description,
        @NotNull @Valid Trigger trigger,
        @Valid EntryRules entry,
        @Valid ExitRules exit,
        @Min(0) @Max(90) Integer holdoutPercent,
        @Min(0) @Max(1_000) Integer priority,
        @Min(1) @Max(365) Integer attributionDays,
        String start,
        Boolean transactional,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Step> steps) {

    public String startStep() {
        return start != null ? start : steps.get(0).id();
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public ExitRules exitRules() {
        return exit != null ? exit : ExitRules.DEFAULT;
    }

    public int holdout() {
        return holdoutPercent == null ? 0 : holdoutPercent;
    }

    // Not named isTransactional: Jackson would write it as a property, and a release that does not know the field
    // refuses the stored definition (a rolling upgrade runs both).
    public boolean sendsOnlyTransactional() {
        return Boolean.TRUE.equals(transactional);
    }

    public int attributionWindowDays() {
        return attributionDays == null ? 30 : attributionDays;
    }
}
