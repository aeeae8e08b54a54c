package io.rekindle.scenario.trigger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.platform.testing.TestClock;

/** API triggers sent as a batch: taken in their order, in one transaction, each one's outcome answered in turn. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class TriggersTest {

    private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBatchIsTakenInOrderSoTheFirstOnesOfTheDayEnterAndRepeatsEnrollNobody() {
        clock.set(T0);
        List.of("b1", "b2", "b3").forEach(c -> Journeys.profile(c, "2026-01-01T10:00:00Z", 50));
        String scenario = given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"batched carts","trigger":{"type":"event","events":["batch_cart"],"key":"cartId"},
                 "entry":{"maxPerDay":2},"holdoutPercent":0,
                 "steps":[{"id":"rest","type":"wait","duration":"P30D","next":"end"},{"id":"end","type":"exit"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201).extract().path("id");

        JsonPath answer = batch("[" + event("e1", "b1") + "," + event("e2", "b2") + "," + event("e3", "b3") + ","
                + event("e1", "b1") + "]").then().statusCode(202).extract().jsonPath();

        assertEquals(List.of("e1", "e2", "e3", "e1"), answer.getList("results.eventId"));
        assertEquals(List.of(false, false, false, true), answer.getList("results.duplicate"));
        assertEquals(List.of(1, 1, 0, 0), answer.getList("results.enrollments", List.class).stream()
                .map(List::size).toList(), "a daily limit of two: the third waits for another day");
        assertEquals(List.of("active"), Journeys.enrollment(scenario, "b1").getList("state"));
        assertEquals(List.of(), Journeys.enrollment(scenario, "b3").getList("state"));
        batch("[" + event("e3", "b3") + "]").then().statusCode(202).body("results[0].duplicate", equalTo(true));
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWholeNamingItAndStoresNothing() {
        clock.set(T0);
        Journeys.profile("b9", "2026-01-01T10:00:00Z", 50);
        batch("[" + event("bad-1", "b9") + ",{\"eventId\":\"bad-2\",\"type\":\"batch_cart\"}]").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("[1].customerId"));
        batch("[" + event("bad-1", "b9") + "]").then().statusCode(202).body("results", hasSize(1))
                .body("results[0].duplicate", equalTo(false));
    }

    private static io.restassured.response.Response batch(String body) {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body(body)
                .when().post("/v1/triggers/batch");
    }

    private static String event(String id, String customer) {
        return "{\"eventId\":\"%s\",\"customerId\":\"%s\",\"type\":\"batch_cart\",\"properties\":{\"cartId\":\"%s\"}}"
                .formatted(id, customer, "cart-" + id);
    }
}
