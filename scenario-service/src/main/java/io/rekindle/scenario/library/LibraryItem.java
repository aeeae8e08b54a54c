package io.rekindle.scenario.library;

import java.util.List;

import io.rekindle.scenario.scenario.Trigger;

/** How the library lists a scenario: what it does and what installing it adds to the other services. */
public record LibraryItem(String key, String name, String description, Trigger trigger, int steps,
        Integer holdoutPercent, List<String> segments, List<String> templates, List<String> surveys) {

    static LibraryItem of(LibraryEntry e) {
        return new LibraryItem(e.key(), e.scenario().name(), e.scenario().description(), e.scenario().trigger(),
                e.scenario().steps().size(), e.scenario().holdoutPercent(), List.copyOf(e.segments().keySet()),
                List.copyOf(e.templates().keySet()), e.scenario().steps().stream()
                        .map(s -> s.survey()).filter(java.util.Objects::nonNull).distinct().toList());
    }
}
