package io.rekindle.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.rekindle.bench.SyntheticStore.Persona;

/**
 * The email engagement a store's history holds besides orders: a third of the list never opens anything; the others
 * open a newsletter now and then while they are customers, and stop some weeks after their last order once they
 * dropped out. This is what puts some customers, and not all, in the "no open for 3 months" segments at the start.
 */
final class History {

    private final Draws draws;
    private final Instant end;

    History(long seed, Instant end) {
        this.draws = new Draws(seed ^ 0x0BE11);
        this.end = end;
    }

    List<String> emailOpens(Persona p) {
        List<String> events = new ArrayList<>();
        if (!p.emailConsent() || draws.uniform(p.id(), "reader") < 1 / 3.0) {
            return events;
        }
        Instant from = p.joinedAt().isAfter(end.minus(Duration.ofDays(200))) ? p.joinedAt()
                : end.minus(Duration.ofDays(200));
        Instant until = p.droppedOut() && p.lastOrderAt() != null ? min(end, p.lastOrderAt().plus(Duration.ofDays(45)))
                : end;
        Instant at = from;
        for (int n = 0; ; n++) {
            at = at.plusSeconds((long) (-Math.log(1 - draws.uniform(p.id(), "open-gap", n)) * 20 * 86_400));
            if (!at.isBefore(until)) {
                return events;
            }
            events.add("{\"eventId\":\"%s-h%d\",\"customerId\":\"%s\",\"type\":\"email_opened\",\"occurredAt\":\"%s\"}"
                    .formatted(p.id(), n, p.id(), at));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
