package io.rekindle.scenario.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.TestClock;
import io.restassured.http.ContentType;

/** The admin clock: moves this service's time forward in test and dev, and exists nowhere else. */
@QuarkusTest
class ClockResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void advancingMovesTheTimeEveryComputationReads() {
        clock.set("2026-06-01T10:00:00Z");
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON)
                .body("{\"by\":\"P2DT3H\"}").when().post("/v1/admin/clock/advance").then().statusCode(200)
                .body("now", equalTo("2026-06-03T13:00:00Z"));
        assertEquals(Instant.parse("2026-06-03T13:00:00Z"), clock.instant());
        given().header("Authorization", "Bearer rekindle-dev-key").when().get("/v1/admin/clock").then()
                .statusCode(200).body("now", equalTo("2026-06-03T13:00:00Z"));
    }

    @Test
    void onlyForwardAndOnlyWithTheApiKey() {
        clock.set("2026-06-01T10:00:00Z");
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON)
                .body("{\"by\":\"-PT1H\"}").when().post("/v1/admin/clock/advance").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("by"));
        given().contentType(ContentType.JSON).body("{\"by\":\"PT1H\"}").when().post("/v1/admin/clock/advance")
                .then().statusCode(401);
        assertEquals(Instant.parse("2026-06-01T10:00:00Z"), clock.instant());
    }
}
