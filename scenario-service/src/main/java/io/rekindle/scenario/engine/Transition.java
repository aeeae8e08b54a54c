package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.rekindle.scenario.peers.messaging.model.SendRequest;

/** What running a step decided, committed together with the journal lines it notes. */
public sealed interface Transition {

    /** A journal line the commit writes. */
    record Note(String stepId, JournalKind kind, BigDecimal amount) {
    }

    List<Note> notes();

    /** Stay on the step until {@code dueAt} (a wait, a wait_for, a capped send). */
    record Stay(Instant dueAt, String waitingFor, List<Note> notes) implements Transition {
    }

    /** Go to {@code next} now (null: the path ends, the enrollment is finished). */
    record Move(String next, String variant, Map<String, Object> variables, List<Note> notes) implements Transition {
    }

    /**
     * Send {@code message} under the enrollment's side-effect key, then go to {@code next}. Never committed as such:
     * the engine hands a round's sends over together ({@link Sends}) and turns each into what came of it.
     */
    record Send(String stepId, String next, boolean capped, SendRequest message) implements Transition {

        @Override
        public List<Note> notes() {
            return List.of();
        }
    }

    /** End the enrollment: won_back, finished, unsubscribed, rfm_floor, erased, gone. */
    record End(Outcome outcome, Instant convertedAt, BigDecimal revenue, List<Note> notes) implements Transition {
    }
}
