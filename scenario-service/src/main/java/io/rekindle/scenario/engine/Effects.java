package io.rekindle.scenario.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.peers.PeerUnavailableException;
import io.rekindle.scenario.peers.Peers;
import io.rekindle.scenario.scenario.Step;

/**
 * The side effects of steps, each a call to another service carrying a key unique to the enrollment, step and visit,
 * so running a step again after a crash repeats nothing. Answers whether the call was accepted (a 4xx is a refusal to
 * note, not a reason to stop the journey; a 5xx or no answer throws and the step runs again later).
 */
@ApplicationScoped
public class Effects {

    private final Peers peers;
    private final Clock clock;

    Effects(Peers peers, Clock clock) {
        this.peers = peers;
        this.clock = clock;
    }

    /** The request for messaging-service to send a step's message. */
    public Map<String, Object> message(EnrollmentRow e, Step step, String template, String locale) {
        Map<String, Object> variables = new LinkedHashMap<>(e.variables());
        if (step.variables() != null) {
            variables.putAll(step.variables());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", step.channel());
        body.put("customerId", e.customerId());
        body.put("template", template);
        if (locale != null) {
            body.put("locale", locale);
        }
        body.put("variables", variables);
        body.put("category", step.category() == null ? "marketing" : step.category());
        body.put("attribution", attribution(e, step));
        body.put("whenCapped", "defer");
        // Due at the moment the step ran, by this clock: messaging-service sends it once its own clock is there too
        // (the demo moves messaging's clock last, so a moment's sends go out after all of that moment's suppressions).
        body.put("sendAt", clock.instant().toString());
        return body;
    }

    /** What became of a message handed to messaging-service. */
    public enum Handed { ACCEPTED, REFUSED, UNAVAILABLE }

    /** A message and the key it is sent under. */
    public record Keyed(String key, Map<String, Object> message) {
    }

    /**
     * Hands the messages over in one call, all or none. When messaging-service refuses the batch (a 4xx: one of them
     * is wrong), each is sent on its own, so only the wrong one is refused (a 409, the key used before, counts as
     * handed over). Answers in the order given.
     */
    public List<Handed> sendAll(List<Keyed> messages) {
        List<Map<String, Object>> items = messages.stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("idempotencyKey", m.key());
            item.put("message", m.message());
            return item;
        }).toList();
        Peers.Reply batch;
        try {
            batch = peers.post(Peers.Service.MESSAGING, "/v1/messages/batch", Map.of("items", items), Map.of());
        } catch (PeerUnavailableException e) {
            return messages.stream().map(m -> Handed.UNAVAILABLE).toList();
        }
        if (batch.ok()) {
            return messages.stream().map(m -> Handed.ACCEPTED).toList();
        }
        return messages.stream().map(m -> {
            try {
                Peers.Reply reply = peers.post(Peers.Service.MESSAGING, "/v1/messages", m.message(),
                        Map.of("Idempotency-Key", m.key()));
                return reply.ok() || reply.status() == 409 ? Handed.ACCEPTED : Handed.REFUSED;
            } catch (PeerUnavailableException e) {
                return Handed.UNAVAILABLE;
            }
        }).toList();
    }

    /** The personal survey link, or null when survey-service refused. */
    public String invite(EnrollmentRow e, Step step, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", e.customerId());
        body.put("attribution", attribution(e, step));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        Peers.Reply reply = peers.post(Peers.Service.SURVEY, "/v1/surveys/" + Peers.segment(step.survey())
                + "/invitations", body, Map.of("Idempotency-Key", e.sideEffectKey()));
        return reply.ok() ? reply.body().path("url").asText(null) : null;
    }

    /** Sets a profile attribute in segment-service, as an event whose traits land on the profile. */
    public boolean setAttribute(EnrollmentRow e, Step step, Instant at) {
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put(step.attribute(), step.value());
        Map<String, Object> event = Map.of("eventId", "scenario:" + e.sideEffectKey(), "customerId", e.customerId(),
                "type", "scenario_attribute_set", "occurredAt", at.toString(),
                "properties", Map.of("scenario", e.scenarioId(), "step", step.id(), "traits", traits));
        return peers.post(Peers.Service.SEGMENT, "/v1/events/batch", List.of(event), Map.of()).ok();
    }

    /** Suppresses the customer's email address and phone number in messaging-service. */
    public boolean suppress(EnrollmentRow e, Profile profile) {
        boolean accepted = true;
        for (String[] channel : new String[][] {{"email", "email"}, {"sms", "phone"}}) {
            String address = profile.json().path(channel[1]).asText(null);
            if (address != null) {
                accepted &= peers.post(Peers.Service.MESSAGING, "/v1/suppressions", Map.of("channel", channel[0],
                        "address", address, "reason", "scenario:" + e.scenarioId()), Map.of()).ok();
            }
        }
        return accepted;
    }

    /** Asks segment-service to delete the profile; it tells the other services. */
    public boolean erase(EnrollmentRow e) {
        Peers.Reply reply = peers.delete(Peers.Service.SEGMENT, "/v1/customers/" + Peers.segment(e.customerId()));
        return reply.ok() || reply.status() == 404;
    }

    private static Map<String, Object> attribution(EnrollmentRow e, Step step) {
        Map<String, Object> attribution = new LinkedHashMap<>();
        attribution.put("scenario", e.scenarioId());
        attribution.put("step", step.id());
        if (e.variant() != null) {
            attribution.put("variant", e.variant());
        }
        return attribution;
    }
}
