package io.rekindle.scenario.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.rekindle.scenario.support.Journeys.customer;
import static io.rekindle.scenario.support.Journeys.enrollment;
import static io.rekindle.scenario.support.Journeys.entered;
import static io.rekindle.scenario.support.Journeys.profile;
import static io.rekindle.scenario.support.Journeys.sends;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.scenario.trigger.SegmentEntries;

/**
 * The prevention scenario works upstream: customers close to their usual gap hear what their value cell earns, and
 * never while a re-engagement journey runs for them, whichever starts first.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class PreventionJourneyTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Engine engine;

    @Inject
    SegmentEntries segmentEntries;

    @BeforeEach
    void installBoth() {
        Journeys.install("reengagement-cleaning");
        Journeys.install("prevention");
        PeerStandIn.http.stubFor(post("/v1/surveys/why-stopped/invitations").atPriority(1).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"url\":\"https://shop.example/s/tok\"}")));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
        segmentEntries.poll();
        engine.runDue();
    }

    private static void valued(String customerId, String lastOrderAt, int currentQuintile) {
        profile(customerId, lastOrderAt, 100, "", "\"value\":{\"currentQuintile\":" + currentQuintile + "},");
    }

    private static List<String> templates(String customerId) {
        return sends(customerId).stream().map(Journeys::template).toList();
    }

    @Test
    void eachValueCellHearsWhatItEarnsAndACustomerInReengagementHearsNothing() {
        String top = customer("prevention", 10, "top", false);
        String middle = customer("prevention", 10, "middle", false);
        String low = customer("prevention", 10, "low", false);
        String held = customer("prevention", 10, "held", true);
        String busy = customer("reengagement-cleaning", 10, "busy", false);
        valued(top, "2026-08-01T10:00:00Z", 5);
        valued(middle, "2026-08-01T10:00:00Z", 3);
        valued(low, "2026-08-01T10:00:00Z", 1);
        valued(held, "2026-08-01T10:00:00Z", 5);
        valued(busy, "2026-03-01T10:00:00Z", 2);
        entered("reengagement-entry", busy);
        at(Duration.ZERO);
        assertEquals(List.of("reengage-survey"), templates(busy));

        entered("nearing-usual-gap", top, middle, low, held, busy);
        at(Duration.ofHours(1));
        assertEquals(List.of("prevention-early-access"), templates(top));
        assertEquals(List.of("prevention-free-shipping"), templates(middle));
        assertTrue(sends(middle).get(0).body().contains("\"freeShipping\":true"));
        assertEquals(List.of("prevention-site-offer"), templates(low));
        assertEquals(List.of(), templates(held), "the holdout hears nothing");
        assertEquals("active", enrollment("prevention", held).getString("[0].state"));
        assertEquals(List.of("reengage-survey"), templates(busy), "no prevention mail during re-engagement");
        assertEquals(List.of(), enrollment("prevention", busy).getList("$"));

        valued(middle, T0.plus(Duration.ofDays(2)).toString(), 3);
        Journeys.order(middle, "prevention-o-1", null, "80.00", T0.plus(Duration.ofDays(2)).toString());
        at(Duration.ofDays(2).plusHours(1));
        assertEquals("won_back", enrollment("prevention", middle).getString("[0].outcome"));
    }

    @Test
    void aReengagementJourneyStartingLaterEndsThePreventionOneBeforeItsNextStep() {
        String later = customer("prevention", 10, "later", false);
        valued(later, "2026-08-01T10:00:00Z", 4);
        entered("nearing-usual-gap", later);
        at(Duration.ZERO);
        assertEquals(List.of("prevention-early-access"), templates(later));

        entered("reengagement-entry", later);
        at(Duration.ofDays(1));
        at(Duration.ofDays(14).plusHours(1));
        assertEquals("other_journey", enrollment("prevention", later).getString("[0].outcome"));
        assertEquals(1, templates(later).stream().filter(t -> t.startsWith("prevention")).count());
    }
}
