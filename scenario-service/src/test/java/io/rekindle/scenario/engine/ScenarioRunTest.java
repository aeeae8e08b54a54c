package io.rekindle.scenario.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.rekindle.scenario.support.Journeys.cartUpdated;
import static io.rekindle.scenario.support.Journeys.customer;
import static io.rekindle.scenario.support.Journeys.enrollment;
import static io.rekindle.scenario.support.Journeys.profile;
import static io.rekindle.scenario.support.Journeys.sends;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.platform.testing.TestClock;

/**
 * The cart-abandonment library scenario run on the injected clock against a real local HTTP server standing in for
 * segment-service (profiles) and messaging-service (sends): the right messages at the right times, the frequency cap
 * deferring, a purchase ending the journey as won back, holdout customers getting nothing, retries reusing the key.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class ScenarioRunTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Engine engine;

    @Inject
    javax.sql.DataSource dataSource;

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

    /** How often the report says the engine did this at the cart scenario's first email (all tests' runs). */
    private static long serviceStep(String kind) {
        Number n = given().header("Authorization", "Bearer rekindle-dev-key").when()
                .get("/v1/scenarios/cart-abandonment/report").then().statusCode(200).extract()
                .path("steps.findAll { it.step == 'service' }.collect { it.engine.%s ?: 0 }.sum()".formatted(kind));
        return n == null ? 0 : n.longValue();
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
        engine.runDue();
    }

    @Test
    void theRightMessagesAtTheRightTimesWithTheCapDeferringTheSecond() {
        String c = customer("cart-abandonment", 10, "cart", false);
        profile(c, "2026-01-10T10:00:00Z", 120);
        cartUpdated(c, "k1");
        at(Duration.ofMinutes(44));
        assertEquals(0, sends(c).size(), "the first email waits 45 minutes");
        at(Duration.ofMinutes(45));
        assertEquals(1, sends(c).size());
        assertTrue(sends(c).get(0).body().contains("\"template\":\"cart-1\""));
        assertTrue(sends(c).get(0).key().endsWith(":service:1"));

        at(Duration.ofHours(24));
        assertEquals(1, sends(c).size(), "24 h after entry is inside the one-a-day cap: deferred, not dropped");
        at(Duration.ofHours(24).plusMinutes(45));
        assertEquals(2, sends(c).size());
        assertTrue(sends(c).get(1).body().contains("\"template\":\"cart-2\""));

        at(Duration.ofDays(5));
        List<Journeys.Sent> all = sends(c);
        assertEquals(3, all.size());
        assertTrue(all.get(2).body().contains("\"template\":\"cart-3\""));
        assertEquals(3, all.stream().map(r -> r.key()).distinct().count());
        at(Duration.ofDays(30));
        assertEquals(3, sends(c).size(), "the journey has ended");
    }

    @Test
    void aStepWaitsWhileSegmentServiceCannotAnswerForProfilesThenRunsOnce() {
        String c = customer("cart-abandonment", 10, "unanswered", false);
        profile(c, null, 0);
        cartUpdated(c, "k8");
        var down = PeerStandIn.http.stubFor(post("/v1/customers/lookup").atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        at(Duration.ofMinutes(45));
        assertEquals(0, sends(c).size(), "no profile, no exit check: the step does not run");
        PeerStandIn.http.removeStubMapping(down);
        at(Duration.ofMinutes(46));
        assertEquals(1, sends(c).size());
        assertTrue(sends(c).get(0).body().contains("\"template\":\"cart-1\""));
    }

    @Test
    void orderingThatCartEndsTheJourneyAsWonBackAtOnceAndNothingMoreIsSent() {
        String c = customer("cart-abandonment", 10, "buyer", false);
        profile(c, "2026-01-10T10:00:00Z", 120);
        cartUpdated(c, "k2");
        at(Duration.ofMinutes(45));
        assertEquals(1, sends(c).size());
        profile(c, T0.plus(Duration.ofHours(3)).toString(), 180);
        Journeys.order(c, "o-k2", "k2", "60.00", T0.plus(Duration.ofHours(3)).toString());
        at(Duration.ofHours(3));
        assertEquals("won_back", enrollment("cart-abandonment", c).getString("[0].outcome"),
                "woken by the order, not at the end of its 23-hour wait");
        assertEquals(60.0f, enrollment("cart-abandonment", c).getFloat("[0].revenue"));
        at(Duration.ofDays(5));
        assertEquals(1, sends(c).size());
    }

    @Test
    void anOrderOfAnotherCartLeavesTheJourneyGoingAndAnOrderWithoutCartEndsIt() {
        String c = customer("cart-abandonment", 10, "other-cart", false);
        profile(c, "2026-01-10T10:00:00Z", 120);
        cartUpdated(c, "k8");
        at(Duration.ofMinutes(45));
        profile(c, T0.plus(Duration.ofHours(2)).toString(), 150);
        Journeys.order(c, "o-k9", "k9", "30.00", T0.plus(Duration.ofHours(2)).toString());
        at(Duration.ofHours(24).plusMinutes(45));
        assertEquals(2, sends(c).size(), "another cart's order is not this cart's");
        assertEquals("active", enrollment("cart-abandonment", c).getString("[0].state"));

        Journeys.order(c, "o-none", null, "25.00", T0.plus(Duration.ofHours(30)).toString());
        at(Duration.ofHours(30));
        assertEquals("won_back", enrollment("cart-abandonment", c).getString("[0].outcome"),
                "an order that names no cart ends every cart journey rather than mail a buyer about a cart");
        at(Duration.ofDays(5));
        assertEquals(2, sends(c).size());
    }

    @Test
    void holdoutCustomersFollowTheTimelineSilently() {
        String c = customer("cart-abandonment", 10, "held", true);
        profile(c, null, 0);
        cartUpdated(c, "k3");
        for (Duration step : List.of(Duration.ofMinutes(45), Duration.ofHours(24), Duration.ofDays(4).plusHours(1))) {
            at(step);
        }
        assertEquals(0, sends(c).size());
        given().header("Authorization", "Bearer rekindle-dev-key").when()
                .get("/v1/scenarios/cart-abandonment/enrollments?customerId=" + c).then().statusCode(200)
                .body("[0].holdout", org.hamcrest.Matchers.equalTo(true))
                .body("[0].state", org.hamcrest.Matchers.equalTo("ended"));
    }

    @Test
    void aRetriedTriggerEnrollsOnceAndAnotherCartIsItsOwnJourney() {
        String c = customer("cart-abandonment", 10, "twice", false);
        profile(c, null, 0);
        cartUpdated(c, "k4");
        cartUpdated(c, "k4");
        cartUpdated(c, "k5");
        given().header("Authorization", "Bearer rekindle-dev-key").when()
                .get("/v1/scenarios/cart-abandonment/enrollments?customerId=" + c).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aSendWhoseAnswerWasLostIsRetriedWithTheSameKey() {
        String c = customer("cart-abandonment", 10, "lost", false);
        profile(c, null, 0);
        PeerStandIn.http.stubFor(post("/v1/messages/batch").atPriority(1)
                .withRequestBody(matchingJsonPath("$.items[?(@.message.customerId == '" + c + "')]"))
                .inScenario("lost").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("answered"));
        cartUpdated(c, "k6");
        at(Duration.ofMinutes(45));
        at(Duration.ofMinutes(50));
        List<Journeys.Sent> tries = sends(c);
        assertEquals(2, tries.size());
        assertEquals(tries.get(0).key(), tries.get(1).key());
        assertFalse(tries.get(0).key().isBlank());
    }

    @Test
    void aRefusedMessageIsNotedAsFailedWithoutHoldingBackTheOthersOfItsRound() {
        String good = customer("cart-abandonment", 10, "round-good", false);
        String bad = customer("cart-abandonment", 10, "round-bad", false);
        profile(good, null, 0);
        profile(bad, null, 0);
        // messaging-service refuses the bad one's message, alone and so in any batch that carries it.
        PeerStandIn.http.stubFor(post("/v1/messages/batch").atPriority(1)
                .withRequestBody(matchingJsonPath("$.items[?(@.message.customerId == '" + bad + "')]"))
                .willReturn(aResponse().withStatus(400)));
        PeerStandIn.http.stubFor(post("/v1/messages").atPriority(1)
                .withRequestBody(matchingJsonPath("$.customerId", equalTo(bad))).willReturn(aResponse().withStatus(400)));
        long failedBefore = serviceStep("failed");
        long sentBefore = serviceStep("sent");
        cartUpdated(good, "r1");
        cartUpdated(bad, "r2");
        at(Duration.ofMinutes(45));
        assertEquals(2, sends(good).size(), "in the refused batch, then on its own");
        assertEquals(2, sends(bad).size());
        assertEquals(failedBefore + 1, serviceStep("failed"));
        assertEquals(sentBefore + 1, serviceStep("sent"));
        at(Duration.ofMinutes(50));
        assertEquals(2, sends(bad).size(), "a refusal is not retried: the journey went on");
    }

    @Test
    void aPurchaseAfterTheJourneyButWithinTheWindowStillConvertsForTreatmentAndHoldoutAlike() {
        String treated = customer("cart-abandonment", 10, "late", false);
        String held = customer("cart-abandonment", 10, "late-held", true);
        for (String c : List.of(treated, held)) {
            profile(c, null, 0);
            cartUpdated(c, "k7");
        }
        for (Duration step : List.of(Duration.ofMinutes(45), Duration.ofHours(25), Duration.ofDays(4).plusHours(2))) {
            at(step);
        }
        for (String c : List.of(treated, held)) {
            given().header("Authorization", "Bearer rekindle-dev-key").when()
                    .get("/v1/scenarios/cart-abandonment/enrollments?customerId=" + c).then()
                    .body("[0].state", org.hamcrest.Matchers.equalTo("ended"))
                    .body("[0].convertedAt", org.hamcrest.Matchers.nullValue());
            profile(c, T0.plus(Duration.ofDays(6)).toString(), 40);
        }
        at(Duration.ofDays(6).plusHours(1));
        at(Duration.ofDays(7).plusMinutes(1));
        for (String c : List.of(treated, held)) {
            given().header("Authorization", "Bearer rekindle-dev-key").when()
                    .get("/v1/scenarios/cart-abandonment/enrollments?customerId=" + c).then()
                    .body("[0].outcome", org.hamcrest.Matchers.equalTo("finished"))
                    .body("[0].convertedAt", org.hamcrest.Matchers.equalTo(T0.plus(Duration.ofDays(6)).toString()))
                    .body("[0].revenue", org.hamcrest.Matchers.equalTo(40.0f));
        }
    }

    @Test
    void anEnrollmentThatKeepsFailingWaitsLongerEachTimeAndIsParkedAtTheLimit() throws Exception {
        String c = customer("cart-abandonment", 10, "broken", false);
        profile(c, null, 0);
        cartUpdated(c, "k9");
        // A version nobody stored: the engine fails on it in a way no retry mends.
        try (var conn = dataSource.getConnection(); var ps = conn.prepareStatement(
                "UPDATE enrollment SET version = 999 WHERE customer_id = ?")) {
            ps.setString(1, c);
            assertEquals(1, ps.executeUpdate());
        }
        Instant now = T0.plus(Duration.ofMinutes(45));
        at(Duration.ofMinutes(45));
        Duration previous = Duration.ZERO;
        for (int failed = 1; failed < 8; failed++) {
            io.restassured.path.json.JsonPath e = enrollment("cart-abandonment", c);
            assertEquals("active", e.getString("[0].state"), "after " + failed + " failed passes");
            Duration wait = Duration.between(now, Instant.parse(e.getString("[0].dueAt")));
            Duration ceiling = Duration.ofSeconds(5).multipliedBy(1L << (failed - 1));
            assertTrue(!wait.minus(previous).isNegative() && wait.compareTo(ceiling) <= 0
                    && wait.compareTo(ceiling.dividedBy(2)) >= 0, failed + ": waited " + wait + " after " + previous);
            previous = wait;
            now = now.plus(wait);
            clock.set(now);
            engine.runDue();
        }
        assertEquals("ended", enrollment("cart-abandonment", c).getString("[0].state"));
        assertEquals("parked", enrollment("cart-abandonment", c).getString("[0].outcome"));
        given().header("Authorization", "Bearer rekindle-dev-key").when()
                .get("/v1/scenarios/cart-abandonment/report").then().statusCode(200)
                .body("parked", org.hamcrest.Matchers.equalTo(1));
        assertEquals(0, sends(c).size());
    }
}
