package io.rekindle.scenario.library;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.scenario.peers.Peers;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;

/**
 * Installs a library scenario: first what it needs in the other services (segments in segment-service, templates in
 * messaging-service; each only when missing, so a shop's edits stay), then the scenario itself, once.
 */
@ApplicationScoped
public class LibraryInstaller {

    private final Peers peers;
    private final ScenarioCatalog catalog;

    LibraryInstaller(Peers peers, ScenarioCatalog catalog) {
        this.peers = peers;
        this.catalog = catalog;
    }

    public record Installed(ScenarioView scenario, boolean created) {
    }

    public Installed install(LibraryEntry entry) {
        Optional<ScenarioView> earlier = catalog.findByLibraryKey(entry.key());
        if (earlier.isPresent()) {
            return new Installed(earlier.get(), false);
        }
        ensure(Peers.Service.SEGMENT, "/v1/segments/", entry.segments());
        ensure(Peers.Service.MESSAGING, "/v1/templates/", entry.templates());
        return new Installed(catalog.create(entry.scenario(), entry.key()), true);
    }

    private void ensure(Peers.Service service, String path, Map<String, JsonNode> items) {
        items.forEach((id, body) -> {
            if (peers.get(service, path + id).status() == 404) {
                Peers.Reply reply = peers.put(service, path + id, body);
                if (!reply.ok()) {
                    throw new IllegalStateException(service + " refused " + path + id + ": " + reply.body());
                }
            }
        });
    }

}
