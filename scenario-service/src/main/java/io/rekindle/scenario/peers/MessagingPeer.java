package io.rekindle.scenario.peers;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.platform.peers.Peer;
import io.rekindle.platform.peers.PeerRefusedException;
import io.rekindle.platform.peers.Peers;
import io.rekindle.scenario.peers.messaging.api.MessagesApi;
import io.rekindle.scenario.peers.messaging.api.OffersApi;
import io.rekindle.scenario.peers.messaging.api.SuppressionsApi;
import io.rekindle.scenario.peers.messaging.api.TemplatesApi;
import io.rekindle.scenario.peers.messaging.model.SendBatch;
import io.rekindle.scenario.peers.messaging.model.SendRequest;
import io.rekindle.scenario.peers.messaging.model.SuppressionRequest;
import io.rekindle.scenario.peers.messaging.model.TemplateDefinition;

/** What scenario-service asks of messaging-service, through the client generated from its stored contract. */
@ApplicationScoped
public class MessagingPeer {

    private final Peer peer;
    private final MessagesApi messages;
    private final SuppressionsApi suppressions;
    private final TemplatesApi templates;
    private final OffersApi offers;
    private final ObjectMapper mapper;

    MessagingPeer(Peers peers, @RestClient MessagesApi messages, @RestClient SuppressionsApi suppressions,
            @RestClient TemplatesApi templates, @RestClient OffersApi offers, ObjectMapper mapper) {
        this.peer = peers.named("messaging-service");
        this.messages = messages;
        this.suppressions = suppressions;
        this.templates = templates;
        this.offers = offers;
        this.mapper = mapper;
    }

    /** What a scenario's rules need to know of an offer. */
    public record OfferFacts(boolean siteOffering) {
    }

    /** The offer, or empty when messaging-service has none of that id. */
    public java.util.Optional<OfferFacts> offer(String offerId) {
        return peer.find(() -> offers.offerResourceGet(offerId)).map(o -> new OfferFacts(
                o.getDefinition() != null && Boolean.TRUE.equals(o.getDefinition().getSiteOffering())));
    }

    /** Hands the messages over in one call, all or none: false when messaging-service refuses the batch. */
    public boolean sendAll(SendBatch batch) {
        return peer.accepted(() -> messages.messageResourceSendBatch(batch));
    }

    /** Hands one message over under its key; a 409 (the key used before) counts as handed over. */
    public boolean send(SendRequest message, String idempotencyKey) {
        try {
            peer.write(() -> messages.messageResourceSend(message, idempotencyKey));
            return true;
        } catch (PeerRefusedException e) {
            return e.status() == 409;
        }
    }

    /** Suppresses an address on a channel; false when messaging-service refuses it. */
    public boolean suppress(SuppressionRequest.ChannelEnum channel, String address, String reason) {
        return peer.accepted(() -> suppressions.suppressionResourceSuppress(new SuppressionRequest()
                .channel(channel).address(address).reason(reason)));
    }

    public boolean templateExists(String templateId) {
        return peer.find(() -> templates.templateResourceGet(templateId)).isPresent();
    }

    /** Saves the template unless one of that id is there already (a shop's edits stay). */
    public void saveTemplateIfMissing(String templateId, JsonNode definition) {
        if (!templateExists(templateId)) {
            TemplateDefinition typed = mapper.convertValue(definition, TemplateDefinition.class);
            peer.write(() -> templates.templateResourceSave(templateId, typed));
        }
    }
}
