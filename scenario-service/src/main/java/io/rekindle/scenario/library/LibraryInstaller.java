package io.rekindle.scenario.library;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.peers.MessagingPeer;
import io.rekindle.scenario.peers.SegmentPeer;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;

/**
 * Installs a library scenario: first what it needs in the other services (segments in segment-service, templates in
 * messaging-service; each only when missing, so a shop's edits stay), then the scenario itself, once.
 */
@ApplicationScoped
public class LibraryInstaller {

    private final SegmentPeer segments;
    private final MessagingPeer messaging;
    private final ScenarioCatalog catalog;

    LibraryInstaller(SegmentPeer segments, MessagingPeer messaging, ScenarioCatalog catalog) {
        this.segments = segments;
        this.messaging = messaging;
        this.catalog = catalog;
    }

    public record Installed(ScenarioView scenario, boolean created) {
    }

    public Installed install(LibraryEntry entry) {
        Optional<ScenarioView> earlier = catalog.findByLibraryKey(entry.key());
        if (earlier.isPresent()) {
            return new Installed(earlier.get(), false);
        }
        entry.segments().forEach(segments::saveSegmentIfMissing);
        entry.templates().forEach(messaging::saveTemplateIfMissing);
        return new Installed(catalog.create(entry.scenario(), entry.key()), true);
    }


}
