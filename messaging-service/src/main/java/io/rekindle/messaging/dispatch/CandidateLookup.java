package io.rekindle.messaging.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.rekindle.messaging.message.MessageState;
import io.rekindle.messaging.message.MessageStore.Transition;
import io.rekindle.messaging.message.QueuedMessage;
import io.rekindle.messaging.template.Channel;
import io.rekindle.messaging.template.Template;
import io.rekindle.messaging.template.TemplateCatalog;
import io.rekindle.platform.peers.PeerUnavailableException;

/** Gathers what a batch of due messages needs to be sent: each one's template, profile, recommendations, address. */
@ApplicationScoped
class CandidateLookup {

    private static final Logger LOG = Logger.getLogger(CandidateLookup.class);

    private final TemplateCatalog templates;
    private final ProfileDirectory profiles;

    CandidateLookup(TemplateCatalog templates, ProfileDirectory profiles) {
        this.templates = templates;
        this.profiles = profiles;
    }

    /**
     * Each message with its template, profile and recipient; one that cannot go gets its final state in
     * {@code settled}, or a retry time in {@code retryAt} when segment-service could not answer for it.
     */
    List<Candidate> candidates(List<QueuedMessage> batch, List<Transition> settled, Map<String, Instant> retryAt,
            Function<QueuedMessage, Instant> retryTime) {
        Map<String, Optional<Profile>> found;
        try {
            found = profiles.findAll(batch.stream().map(QueuedMessage::customerId).distinct().toList());
        } catch (PeerUnavailableException e) {
            found = Map.of();
            LOG.debugf("a batch's messages wait: %s", e.getMessage());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (QueuedMessage m : batch) {
            Optional<Template> template = templates.find(m.templateId());
            if (template.isEmpty() || template.get().channel != m.channel()) {
                settled.add(new Transition(m.id(), MessageState.FAILED, null, template.isEmpty()
                        ? "no template '" + m.templateId() + "'"
                        : "template '" + m.templateId() + "' is for " + template.get().channel.name().toLowerCase()));
                continue;
            }
            if (!found.containsKey(m.customerId())) {
                retryAt.put(m.id(), retryTime.apply(m));
                continue;
            }
            Profile profile = found.get(m.customerId()).orElse(null);
            List<Map<String, Object>> recommended = List.of();
            if (profile != null && template.get().usesRecommendations()) {
                try {
                    recommended = profiles.recommendations(m.customerId(), m.variables());
                } catch (PeerUnavailableException e) {
                    retryAt.put(m.id(), retryTime.apply(m));
                    LOG.debugf("message %s waits: %s", m.id(), e.getMessage());
                    continue;
                }
            }
            String recipient = m.recipient() != null ? m.recipient() : profile == null ? null
                    : m.channel() == Channel.EMAIL ? profile.email() : m.channel() == Channel.SMS ? profile.phone()
                    : profile.pushToken();
            if (recipient == null || recipient.isBlank()) {
                settled.add(new Transition(m.id(), MessageState.FAILED, null, profile == null
                        ? "unknown customer and no recipient given"
                        : "no " + m.channel().name().toLowerCase() + " address on the profile"));
                continue;
            }
            candidates.add(new Candidate(m, template.get(), profile, recipient, recommended));
        }
        return candidates;
    }
}
