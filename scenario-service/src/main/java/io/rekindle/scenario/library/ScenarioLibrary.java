package io.rekindle.scenario.library;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The built-in scenarios, read from the classpath (library/*.json). */
@ApplicationScoped
public class ScenarioLibrary {

    static final List<String> KEYS = List.of("reengagement-cleaning", "last-chance", "lapsed-recommendations",
            "cart-abandonment", "browse-abandonment", "prevention");

    private final List<LibraryEntry> entries;

    ScenarioLibrary(ObjectMapper mapper) {
        this.entries = KEYS.stream().map(key -> read(mapper, key)).toList();
    }

    public List<LibraryEntry> all() {
        return entries;
    }

    public Optional<LibraryEntry> find(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    private static LibraryEntry read(ObjectMapper mapper, String key) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream("/library/" + key + ".json")) {
            return mapper.readValue(in, LibraryEntry.class);
        } catch (IOException e) {
            throw new IllegalStateException("library scenario " + key, e);
        }
    }
}
