package io.rekindle.segment.segments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/** Installs the built-in segments of segments/built-in.json on first start; edits made later are kept. */
@ApplicationScoped
public class BuiltInSegments {

    private static final Logger LOG = Logger.getLogger(BuiltInSegments.class);
    static final String RESOURCE = "segments/built-in.json";

    private final Segments segments;
    private final ObjectMapper mapper;

    BuiltInSegments(Segments segments, ObjectMapper mapper) {
        this.segments = segments;
        this.mapper = mapper;
    }

    void install(@Observes StartupEvent start) {
        int installed = 0;
        for (JsonNode node : definitions()) {
            SegmentDefinition definition = new SegmentDefinition(node.get("name").asText(),
                    node.get("description").asText(), node.get("rule"));
            if (segments.installIfMissing(node.get("id").asText(), definition)) {
                installed++;
            }
        }
        if (installed > 0) {
            LOG.infof("Installed %d built-in segments", installed);
        }
    }

    JsonNode definitions() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
