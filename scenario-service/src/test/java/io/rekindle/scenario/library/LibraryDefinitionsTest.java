package io.rekindle.scenario.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.rekindle.scenario.scenario.ScenarioRules;

/** Every library scenario is a sound graph, and every template it sends is one it installs or one shipped before. */
class LibraryDefinitionsTest {

    @Test
    void libraryScenariosPassTheirOwnRules() {
        ScenarioLibrary library = new ScenarioLibrary(new ObjectMapper().registerModule(new JavaTimeModule()));
        assertEquals(5, library.all().size());
        for (LibraryEntry entry : library.all()) {
            assertEquals(List.of(), ScenarioRules.check(entry.scenario()), entry.key());
            entry.scenario().steps().stream().filter(s -> s.template() != null).forEach(s -> assertEquals(true,
                    entry.templates().containsKey(s.template()), entry.key() + " installs " + s.template()));
        }
    }
}
