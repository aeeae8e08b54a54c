package io.rekindle.scenario.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.SpanKind;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.scenario.engine.EnrollmentStore.Decision;

/**
 * A round's sends, handed over together: the marketing ones take their customers' cap slots in one transaction (a
 * capped send waits for its slot), then every message goes to messaging-service in one call under its step's key.
 * Each send becomes what came of it: sent, refused (noted as failed, the journey goes on), or tried again later.
 */
@ApplicationScoped
class Sends {

    private final FrequencyCap cap;
    private final Effects effects;
    private final Traces traces;

    Sends(FrequencyCap cap, Effects effects, Traces traces) {
        this.cap = cap;
        this.effects = effects;
        this.traces = traces;
    }

    /** The decisions with every send resolved; a send messaging-service missed is a failed pass, retried. */
    List<Decision> handOver(List<Decision> decisions) {
        List<Integer> sending = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).transition() instanceof Transition.Send) {
                sending.add(i);
            }
        }
        if (sending.isEmpty()) {
            return decisions;
        }
        List<Integer> capped = sending.stream().filter(i -> send(decisions.get(i)).capped()).toList();
        List<Optional<Instant>> slots = cap.reserveAll(capped.stream().map(i -> new FrequencyCap.Ask(
                decisions.get(i).enrollment().customerId(), decisions.get(i).enrollment().sideEffectKey())).toList());
        List<Decision> resolved = new ArrayList<>(decisions);
        List<Integer> going = new ArrayList<>();
        for (int i : sending) {
            int asked = capped.indexOf(i);
            Optional<Instant> nextSlot = asked < 0 ? Optional.empty() : slots.get(asked);
            if (nextSlot.isPresent()) {
                resolved.set(i, with(decisions.get(i), new Transition.Stay(nextSlot.get(), null,
                        note(send(decisions.get(i)), JournalKind.CAPPED))));
            } else {
                going.add(i);
            }
        }
        List<Effects.Handed> handed = going.isEmpty() ? List.of() : sendTogether(going.stream()
                .map(decisions::get).toList());
        for (int k = 0; k < going.size(); k++) {
            Decision d = decisions.get(going.get(k));
            Transition.Send s = send(d);
            resolved.set(going.get(k), switch (handed.get(k)) {
                case ACCEPTED -> with(d, new Transition.Move(s.next(), null, null, note(s, JournalKind.SENT)));
                case REFUSED -> with(d, new Transition.Move(s.next(), null, null, note(s, JournalKind.FAILED)));
                case UNAVAILABLE -> Decision.failed(d.enrollment(), false, "messaging-service did not answer");
            });
        }
        return resolved;
    }

    /** One call for the round's messages, in the first journey's trace, linked to the others'. */
    private List<Effects.Handed> sendTogether(List<Decision> going) {
        try (var span = traces.start("journey sends", SpanKind.CLIENT,
                going.stream().map(d -> d.enrollment().traceparent()).toList())) {
            span.attribute("rekindle.messages", going.size());
            return effects.sendAll(going.stream()
                    .map(d -> new Effects.Keyed(d.enrollment().sideEffectKey(), send(d).message())).toList());
        }
    }

    private static Transition.Send send(Decision d) {
        return (Transition.Send) d.transition();
    }

    private static Decision with(Decision d, Transition t) {
        return new Decision(d.enrollment(), t, d.attributionDays(), null);
    }

    private static List<Transition.Note> note(Transition.Send s, JournalKind kind) {
        return List.of(new Transition.Note(s.stepId(), kind, null));
    }
}
