package io.rekindle.scenario.engine;

import static io.rekindle.scenario.support.Journeys.profile;
import static io.rekindle.scenario.support.Journeys.sends;
import static io.rekindle.scenario.support.Journeys.signal;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;


import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.platform.testing.TestClock;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class BestHourTest {

    @Inject
    TestClock clock;

    @Inject
    Engine engine;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(String instant) {
        clock.set(instant);
        engine.runDue();
    }

    @Test
    void aBestHourSendWaitsForTheHourTheCustomerUsuallyOpensAt() {
        Journeys.install("cart-abandonment");
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"best hour","trigger":{"type":"event","events":["best_hour_test"]},
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"t","bestHour":true}]}""")
                .when().post("/v1/scenarios").then().statusCode(201);
        profile("night-owl", null, 0);
        // Opens at 19:xx in Paris (17:xx UTC in summer), and once in the morning.
        signal("night-owl", "opened", "2026-06-10T17:15:00Z");
        signal("night-owl", "clicked", "2026-06-12T17:40:00Z");
        signal("night-owl", "opened", "2026-06-13T07:05:00Z");

        clock.set("2026-07-01T08:00:00Z");
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"eventId":"bh-1","customerId":"night-owl","type":"best_hour_test"}""")
                .when().post("/v1/triggers").then().statusCode(202);
        at("2026-07-01T08:00:00Z");
        at("2026-07-01T16:59:59Z");
        assertEquals(0, sends("night-owl").size());
        at("2026-07-01T17:00:00Z");
        assertEquals(1, sends("night-owl").size());
    }
}
