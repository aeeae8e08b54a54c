package io.rekindle.survey.survey;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/** Installs the ready-made surveys on first start; once installed they are the shop's to edit. */
@ApplicationScoped
public class BuiltInSurveys {

    public static final String WHY_STOPPED = "why-stopped";

    private final SurveyCatalog catalog;
    private final ObjectMapper mapper;

    BuiltInSurveys(SurveyCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    void install(@Observes StartupEvent event) {
        if (catalog.find(WHY_STOPPED).isEmpty()) {
            try {
                catalog.save(WHY_STOPPED, read(WHY_STOPPED));
            } catch (RuntimeException e) {
                if (catalog.find(WHY_STOPPED).isEmpty()) {
                    throw e;
                }
                // Another replica installed it at the same moment; theirs stands.
            }
        }
    }

    SurveyDefinition read(String id) {
        try (InputStream in = BuiltInSurveys.class.getResourceAsStream("/builtin/" + id + ".json")) {
            return mapper.readValue(in, SurveyDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException("built-in survey " + id, e);
        }
    }
}
