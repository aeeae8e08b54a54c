package io.rekindle.scenario.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.rekindle.scenario.support.Journeys.cartUpdated;
import static io.rekindle.scenario.support.Journeys.customer;
import static io.rekindle.scenario.support.Journeys.profile;
import static io.rekindle.scenario.support.Journeys.sends;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.Metrics;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;

/**
 * What an operator reads of the engine: journeys' transitions by kind and outcome, how late steps were taken up, and
 * the calls to segment-service by outcome. Counters are the application's, shared with the other tests' journeys, so
 * every journey due before this test's time is run out first and figures are read as differences.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class EngineMetricsTest {

    private static final Instant T0 = Instant.parse("2027-06-01T10:00:00Z");

    @Inject
    TestClock clock;
    @Inject
    Engine engine;

    @BeforeEach
    void setUp() {
        clock.set(T0);
        Journeys.install("cart-abandonment");
        engine.runDue();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aStepTakenUpLateShowsItsLatenessAndEachMoveIsCounted() {
        String c = customer("cart-abandonment", 10, "metered", false);
        profile(c, null, 0);
        cartUpdated(c, "m1");
        String before = Metrics.scrape();
        at(Duration.ofMinutes(60));
        assertEquals(1, sends(c).size());
        String after = Metrics.scrape();
        assertTrue(Metrics.delta(before, after, "rekindle_timer_lateness_seconds_sum") >= 15 * 60,
                "due at 45 minutes, taken up at 60");
        assertTrue(Metrics.delta(before, after, "rekindle_timer_lateness_seconds_count") >= 1);
        assertTrue(Metrics.delta(before, after, "rekindle_journey_transitions_total", "transition=\"moved\"") >= 1,
                "the wait moved on to the email");

        profile(c, T0.plus(Duration.ofHours(3)).toString(), 80);
        Journeys.order(c, "o-m1", "m1", "80.00", T0.plus(Duration.ofHours(3)).toString());
        String beforeOrder = Metrics.scrape();
        at(Duration.ofHours(3));
        assertTrue(Metrics.delta(beforeOrder, Metrics.scrape(), "rekindle_journey_transitions_total",
                "transition=\"ended\"", "outcome=\"won_back\"") >= 1, "the order ended the journey as won back");
    }

    @Test
    void aStepThatCannotReadItsProfileIsCountedAsRetriedAndTheCallAsUnavailable() {
        String c = customer("cart-abandonment", 10, "metered-down", false);
        profile(c, null, 0);
        cartUpdated(c, "m2");
        var down = PeerStandIn.http.stubFor(post("/v1/customers/lookup").atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        String before = Metrics.scrape();
        at(Duration.ofMinutes(45));
        PeerStandIn.http.removeStubMapping(down);
        String after = Metrics.scrape();
        assertEquals(0, sends(c).size());
        assertTrue(Metrics.delta(before, after, "rekindle_journey_transitions_total", "transition=\"retried\"") >= 1);
        assertTrue(Metrics.delta(before, after, "rekindle_peer_calls_seconds_count", "peer=\"segment-service\"",
                "kind=\"read\"", "outcome=\"unavailable\"") >= 1);
    }

    @Test
    void everyTransitionAndOutcomeIsPublishedBeforeAnyHappens() {
        String metrics = Metrics.scrape();
        for (String transition : new String[] {"waited", "moved", "continued", "retried", "failed"}) {
            assertTrue(Metrics.has(metrics, "rekindle_journey_transitions_total", "transition=\"" + transition + "\"",
                    "application=\"scenario-service\""), transition);
        }
        for (Outcome outcome : Outcome.values()) {
            assertTrue(Metrics.has(metrics, "rekindle_journey_transitions_total", "transition=\"ended\"",
                    "outcome=\"" + outcome.value() + "\""), outcome.value());
        }
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
        engine.runDue();
    }

}
