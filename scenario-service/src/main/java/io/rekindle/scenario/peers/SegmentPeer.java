package io.rekindle.scenario.peers;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.platform.peers.Peer;
import io.rekindle.platform.peers.PeerRefusedException;
import io.rekindle.platform.peers.Peers;
import io.rekindle.scenario.config.ScenarioConfig;
import io.rekindle.scenario.peers.segment.api.CustomersApi;
import io.rekindle.scenario.peers.segment.api.EventsApi;
import io.rekindle.scenario.peers.segment.api.SegmentsApi;
import io.rekindle.scenario.peers.segment.model.ChangePage;
import io.rekindle.scenario.peers.segment.model.CustomerLookup;
import io.rekindle.scenario.peers.segment.model.CustomerResourceGet200Response;
import io.rekindle.scenario.peers.segment.model.EventRequest;
import io.rekindle.scenario.peers.segment.model.MemberPage;
import io.rekindle.scenario.peers.segment.model.SegmentDefinition;

/**
 * What scenario-service asks of segment-service, through the client generated from segment-service's stored
 * contract. A peer that cannot answer is a {@link io.rekindle.platform.peers.PeerUnavailableException}.
 */
@ApplicationScoped
public class SegmentPeer {

    private final Peer peer;
    private final SegmentsApi segments;
    private final CustomersApi customers;
    private final EventsApi events;
    private final ObjectMapper mapper;
    private final int preEntryDays;

    SegmentPeer(Peers peers, @RestClient SegmentsApi segments, @RestClient CustomersApi customers,
            @RestClient EventsApi events, ObjectMapper mapper, ScenarioConfig config) {
        this.preEntryDays = (int) Math.max(1, config.preEntryPeriod().toDays());
        this.peer = peers.named("segment-service");
        this.segments = segments;
        this.customers = customers;
        this.events = events;
        this.mapper = mapper;
    }

    public boolean segmentExists(String segmentId) {
        return peer.find(() -> segments.segmentResourceGet(segmentId)).isPresent();
    }

    /** Whether the customer is in the segment now; false too when segment-service refuses the question. */
    public boolean isMember(String segmentId, String customerId) {
        try {
            return peer.find(() -> segments.segmentResourceMember(customerId, segmentId)).isPresent();
        } catch (PeerRefusedException e) {
            return false;
        }
    }

    /** A page of the segment's change feed after this cursor; empty when the segment is gone. */
    public Optional<ChangePage> changes(String segmentId, String after, int limit) {
        return peer.find(() -> segments.segmentResourceChanges(segmentId, after, limit));
    }

    /** A page of the segment's members after this customer; empty when the segment is gone. */
    public Optional<MemberPage> members(String segmentId, String after, int limit) {
        return peer.find(() -> segments.segmentResourceMembers(segmentId, after, limit));
    }

    /**
     * The profiles of these customers (with their figures, and their spend over the pre-entry period) as JSON, by
     * customer id; the unknown are left out.
     */
    public Map<String, JsonNode> profiles(List<String> customerIds) {
        List<CustomerResourceGet200Response> found = peer.read(() -> customers.customerResourceLookup(new CustomerLookup()
                .customerIds(customerIds).withMetrics(true).spendDays(preEntryDays))).getCustomers();
        Map<String, JsonNode> byId = new HashMap<>();
        if (found != null) {
            found.forEach(view -> byId.put(view.getCustomerId(), mapper.valueToTree(view)));
        }
        return byId;
    }

    /** Records an event on the customer's profile; false when segment-service refuses it. */
    public boolean recordEvent(String eventId, String customerId, String type, OffsetDateTime at,
            Map<String, Object> properties) {
        return peer.accepted(() -> events.eventResourceBatch(List.of(new EventRequest().eventId(eventId)
                .customerId(customerId).type(type).occurredAt(at).properties(properties))));
    }

    /** Asks segment-service to erase the customer (it tells the other services); true once they are gone. */
    public boolean erase(String customerId) {
        try {
            peer.write(() -> customers.customerResourceErase(customerId));
            return true;
        } catch (PeerRefusedException e) {
            return e.status() == 404;
        }
    }

    /** Saves the segment unless one of that id is there already (a shop's edits stay). */
    public void saveSegmentIfMissing(String segmentId, JsonNode definition) {
        if (!segmentExists(segmentId)) {
            SegmentDefinition typed = mapper.convertValue(definition, SegmentDefinition.class);
            peer.write(() -> segments.segmentResourceUpdate(segmentId, typed));
        }
    }
}
