package io.rekindle.scenario.engine;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.platform.testing.TestClock;
import io.restassured.http.ContentType;

/** Two scenarios want a customer's one message of the day at the same moment: the more important one sends it. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class PriorityTest {

    private static final Instant T0 = Instant.parse("2026-08-03T10:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Engine engine;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theHigherPriorityScenarioGetsTheSlotWhicheverEnrolledFirst() {
        clock.set(T0);
        Journeys.install("cart-abandonment");
        Journeys.profile("torn", "2026-01-01T10:00:00Z", 50);
        // The less important scenario enrolls first, and is first in the table.
        scenario("welcome-back-low", 10, "low");
        scenario("welcome-back-high", 90, "high");
        trigger("low");
        trigger("high");

        engine.runDue();

        List<Journeys.Sent> sends = Journeys.sends("torn");
        assertEquals(1, sends.size(), "one message a day");
        assertEquals("template-high", Journeys.template(sends.get(0)));
    }

    private static void scenario(String name, int priority, String event) {
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"%s","trigger":{"type":"event","events":["%s"]},"holdoutPercent":0,"priority":%d,
                 "steps":[{"id":"hello","type":"send","channel":"email","template":"template-%s",
                           "category":"marketing","next":"end"},{"id":"end","type":"exit"}]}"""
                .formatted(name, event, priority, event)).when().post("/v1/scenarios").then().statusCode(201);
    }

    private static void trigger(String event) {
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"eventId":"torn-%s","customerId":"torn","type":"%s"}""".formatted(event, event))
                .when().post("/v1/triggers").then().statusCode(202);
    }
}
