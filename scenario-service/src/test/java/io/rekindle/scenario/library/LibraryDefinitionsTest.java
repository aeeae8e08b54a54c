package io.rekindle.scenario.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateException;
import io.rekindle.scenario.scenario.ScenarioRules;
import io.rekindle.scenario.scenario.Step;

import io.rekindle.scenario.peers.messaging.model.TemplateDefinition;
import io.rekindle.scenario.peers.segment.model.SegmentDefinition;

/**
 * Every library scenario is a sound graph, every template it sends is one it installs or one shipped before, and
 * every send renders with what its step gives.
 */
class LibraryDefinitionsTest {

    private final ScenarioLibrary library = new ScenarioLibrary(
            new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void libraryScenariosPassTheirOwnRules() {
        assertEquals(6, library.all().size());
        for (LibraryEntry entry : library.all()) {
            assertEquals(List.of(), ScenarioRules.check(entry.scenario()), entry.key());
            entry.scenario().steps().stream().filter(s -> s.template() != null).forEach(s -> assertEquals(true,
                    entry.templates().containsKey(s.template()), entry.key() + " installs " + s.template()));
        }
    }

    /**
     * What the library installs goes through the clients generated from segment's and messaging's contracts: each
     * segment and template must survive the typed request model whole, or the peer receives less than was written.
     */
    @Test
    void librarySegmentsAndTemplatesFitThePeersContracts() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        for (LibraryEntry entry : library.all()) {
            entry.segments().forEach((id, definition) -> assertEquals(definition, mapper.valueToTree(
                    mapper.convertValue(definition, SegmentDefinition.class)), entry.key() + " segment " + id));
            entry.templates().forEach((id, definition) -> assertEquals(definition, mapper.valueToTree(
                    mapper.convertValue(definition, TemplateDefinition.class)), entry.key() + " template " + id));
        }
    }

    /**
     * messaging-service renders strictly (a variable the message does not carry fails the send, so that a typo never
     * goes out as an empty slot): each send step's templates, in every locale, render with only the step's own
     * variables and the data messaging-service documents for templates (customer, vars, recommendations,
     * unsubscribeUrl). An optional variable is written {@code vars.x??} or {@code vars.x ?: 'default'}.
     */
    @Test
    void everyLibrarySendRendersWithItsStepsOwnVariables() {
        Engine strict = Engine.builder().addDefaults().strictRendering(true).build();
        Map<String, JsonNode> templates = new HashMap<>();
        library.all().forEach(e -> templates.putAll(e.templates()));
        for (LibraryEntry entry : library.all()) {
            for (Step step : entry.scenario().steps()) {
                List<String> used = step.template() != null ? List.of(step.template())
                        : step.templates() != null ? List.copyOf(step.templates().values()) : List.of();
                Map<String, Object> data = Map.of("customer", Map.of("customerId", "c1", "firstName", "Ada",
                        "email", "ada@example.com", "locale", "en"),
                        "vars", step.variables() == null ? Map.of() : step.variables(),
                        "recommendations", List.of(Map.of("name", "Linen shirt", "url", "https://shop.example/p/1",
                                "imageUrl", "https://shop.example/i/1.jpg", "price", "49.00")),
                        "unsubscribeUrl", "https://rekindle.example/u/1");
                for (String id : used) {
                    assertEachPartRenders(strict, entry.key() + " step " + step.id() + ": " + id, templates.get(id),
                            data);
                }
            }
        }
    }

    private static void assertEachPartRenders(Engine engine, String template, JsonNode definition,
            Map<String, Object> data) {
        definition.path("locales").fields().forEachRemaining(locale -> locale.getValue().fields().forEachRemaining(
                part -> {
                    try {
                        engine.parse(part.getValue().asText()).data(data).render();
                    } catch (TemplateException e) {
                        throw new AssertionError(template + "/" + locale.getKey() + "/" + part.getKey()
                                + " does not render: " + (e.getCause() != null ? e.getCause() : e), e);
                    }
                }));
    }
}
