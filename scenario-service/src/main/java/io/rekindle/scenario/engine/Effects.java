package io.rekindle.scenario.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.platform.peers.PeerUnavailableException;
import io.rekindle.scenario.peers.MessagingPeer;
import io.rekindle.scenario.peers.SegmentPeer;
import io.rekindle.scenario.peers.SurveyPeer;
import io.rekindle.scenario.peers.messaging.model.MessageViewAttribution;
import io.rekindle.scenario.peers.messaging.model.SendBatch;
import io.rekindle.scenario.peers.messaging.model.SendBatchItemsInner;
import io.rekindle.scenario.peers.messaging.model.SendRequest;
import io.rekindle.scenario.peers.messaging.model.SuppressionRequest;
import io.rekindle.scenario.peers.survey.model.InvitationRequest;
import io.rekindle.scenario.peers.survey.model.InvitationRequestAttribution;
import io.rekindle.scenario.scenario.Step;

/**
 * The side effects of steps, each a call to another service carrying a key unique to the enrollment, step and visit,
 * so running a step again after a crash repeats nothing. Answers whether the call was accepted (a 4xx is a refusal to
 * note, not a reason to stop the journey; a 5xx or no answer throws and the step runs again later).
 */
@ApplicationScoped
public class Effects {

    private final SegmentPeer segments;
    private final MessagingPeer messaging;
    private final SurveyPeer surveys;
    private final Clock clock;

    Effects(SegmentPeer segments, MessagingPeer messaging, SurveyPeer surveys, Clock clock) {
        this.segments = segments;
        this.messaging = messaging;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** The request for messaging-service to send a step's message. */
    public SendRequest message(EnrollmentRow e, Step step, String template, String locale) {
        Map<String, Object> variables = new LinkedHashMap<>(e.variables());
        boolean cart = !e.entryKey().isEmpty();
        if (step.variables() != null) {
            variables.putAll(step.variables());
        }
        return new SendRequest().channel(SendRequest.ChannelEnum.fromString(step.channel()))
                .customerId(e.customerId()).template(template).locale(locale).variables(variables)
                .category(SendRequest.CategoryEnum.fromString(step.category() == null ? "marketing" : step.category()))
                .attribution(new MessageViewAttribution().scenario(e.scenarioId()).step(step.id()).variant(e.variant()))
                .whenCapped(SendRequest.WhenCappedEnum.DEFER)
                .offer(step.offerFor(e.variant()))
                // Checked again when it goes: the offer may have been edited since the scenario was saved.
                .offerSiteOnly(step.offerFor(e.variant()) != null && !cart ? Boolean.TRUE : null)
                // Due at the moment the step ran, by this clock: messaging-service sends it once its own clock is
                // there too (the demo moves messaging's clock last, so a moment's sends go out after all of that
                // moment's suppressions).
                .sendAt(at(clock.instant()));
    }

    /** What became of a message handed to messaging-service. */
    public enum Handed { ACCEPTED, REFUSED, UNAVAILABLE }

    /** A message and the key it is sent under. */
    public record Keyed(String key, SendRequest message) {
    }

    /**
     * Hands the messages over in one call, all or none. When messaging-service refuses the batch (a 4xx: one of them
     * is wrong), each is sent on its own, so only the wrong one is refused (a 409, the key used before, counts as
     * handed over). Answers in the order given.
     */
    public List<Handed> sendAll(List<Keyed> messages) {
        SendBatch batch = new SendBatch().items(messages.stream()
                .map(m -> new SendBatchItemsInner().idempotencyKey(m.key()).message(m.message())).toList());
        try {
            if (messaging.sendAll(batch)) {
                return messages.stream().map(m -> Handed.ACCEPTED).toList();
            }
        } catch (PeerUnavailableException e) {
            return messages.stream().map(m -> Handed.UNAVAILABLE).toList();
        }
        return messages.stream().map(m -> {
            try {
                return messaging.send(m.message(), m.key()) ? Handed.ACCEPTED : Handed.REFUSED;
            } catch (PeerUnavailableException e) {
                return Handed.UNAVAILABLE;
            }
        }).toList();
    }

    /** The personal survey link, or null when survey-service refused. */
    public String invite(EnrollmentRow e, Step step, Instant expiresAt) {
        InvitationRequest invitation = new InvitationRequest().customerId(e.customerId())
                .attribution(new InvitationRequestAttribution().scenario(e.scenarioId()).step(step.id())
                        .variant(e.variant()))
                .expiresAt(expiresAt == null ? null : at(expiresAt));
        return surveys.invite(step.survey(), invitation, e.sideEffectKey()).orElse(null);
    }

    /** Sets a profile attribute in segment-service, as an event whose traits land on the profile. */
    public boolean setAttribute(EnrollmentRow e, Step step, Instant at) {
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put(step.attribute(), step.value());
        return segments.recordEvent("scenario:" + e.sideEffectKey(), e.customerId(), "scenario_attribute_set", at(at),
                Map.of("scenario", e.scenarioId(), "step", step.id(), "traits", traits));
    }

    /** Suppresses the customer's email address and phone number in messaging-service. */
    public boolean suppress(EnrollmentRow e, Profile profile) {
        boolean accepted = true;
        String reason = "scenario:" + e.scenarioId();
        String email = profile.json().path("email").asText(null);
        if (email != null) {
            accepted &= messaging.suppress(SuppressionRequest.ChannelEnum.EMAIL, email, reason);
        }
        String phone = profile.json().path("phone").asText(null);
        if (phone != null) {
            accepted &= messaging.suppress(SuppressionRequest.ChannelEnum.SMS, phone, reason);
        }
        return accepted;
    }

    /** Asks segment-service to delete the profile; it tells the other services. */
    public boolean erase(EnrollmentRow e) {
        return segments.erase(e.customerId());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
