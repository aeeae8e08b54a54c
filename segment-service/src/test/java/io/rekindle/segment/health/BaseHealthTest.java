package io.rekindle.segment.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Each full recompute records the base; the weekly series shows the last record of each week, and erasing customers
 * changes the weeks after it, never the ones before.
 */
@QuarkusTest
class BaseHealthTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    private static void customer(String id, String email, boolean inactive) {
        as("rekindle-dev-key").body("""
                {"email":"%s","consents":{"email":{"granted":true}},"attributes":{"healthTest":%s}}"""
                .formatted(email, inactive ? "\"gone\"" : "\"here\"")).when().put("/v1/customers/" + id).then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static void recompute() {
        as("rekindle-dev-key").when().post("/v1/analytics/recompute").then().statusCode(200);
    }

    private static Map<String, Object> week(String weekStart) {
        List<Map<String, Object>> weeks = as("rekindle-dev-service-key").when()
                .get("/v1/analytics/base-health?weeks=260").then().statusCode(200).extract().jsonPath()
                .getList("weeks");
        return weeks.stream().filter(w -> weekStart.equals(w.get("weekStart"))).findFirst()
                .orElseThrow(() -> new AssertionError("no week " + weekStart + " in " + weeks));
    }

    private static int figure(Map<String, Object> week, String name) {
        return ((Number) week.get(name)).intValue();
    }

    @Test
    void theWeeksShowTheBaseAsItWasAndCleaningChangesOnlyTheWeeksAfter() {
        as("rekindle-dev-key").body("""
                {"name":"Gone (health test)","rule":{"field":"attributes.healthTest","op":"=","value":"gone"}}""")
                .when().put("/v1/segments/health-test-inactive").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        clock.set("2030-03-04T09:00:00Z");
        customer("bh-active", "bh-active@example.com", false);
        customer("bh-gone-1", "bh-gone-1@example.com", true);
        recompute();
        Map<String, Object> monday = week("2030-03-04");

        clock.set("2030-03-06T09:00:00Z");
        customer("bh-gone-2", "bh-gone-2@mailinator.com", true);
        recompute();
        Map<String, Object> before = week("2030-03-04");
        assertEquals("2030-03-06", before.get("day"), "the week shows its last record");
        assertEquals(figure(monday, "customers") + 1, figure(before, "customers"));
        assertEquals(figure(monday, "inactive") + 1, figure(before, "inactive"));
        assertEquals(figure(monday, "dirty") + 1, figure(before, "dirty"), "a throw-away address is dirty");
        assertEquals(figure(monday, "reachable"), figure(before, "reachable"), "nor is it reachable");

        clock.set("2030-03-12T09:00:00Z");
        as("rekindle-dev-key").when().delete("/v1/customers/bh-gone-1").then().statusCode(204);
        as("rekindle-dev-key").when().delete("/v1/customers/bh-gone-2").then().statusCode(204);
        recompute();
        Map<String, Object> after = week("2030-03-11");
        assertEquals(figure(before, "customers") - 2, figure(after, "customers"));
        assertEquals(figure(before, "inactive") - 2, figure(after, "inactive"));
        assertEquals(figure(before, "dirty") - 1, figure(after, "dirty"));
        assertEquals(figure(before, "erasedTotal") + 2, figure(after, "erasedTotal"));
        double shareBefore = ((Number) before.get("inactiveShare")).doubleValue();
        double shareAfter = ((Number) after.get("inactiveShare")).doubleValue();
        assertTrue(shareAfter < shareBefore, shareBefore + " -> " + shareAfter);
        assertEquals(before, week("2030-03-04"), "the week before the cleaning is kept as it was");
    }

    @Test
    void aBacktestRecordsNothingAndOnlyServiceOrAdminKeysRead() {
        clock.set("2031-06-04T09:00:00Z");
        as("rekindle-dev-key").when().post("/v1/analytics/recompute?asOf=2031-06-03").then().statusCode(200);
        List<String> weeks = as("rekindle-dev-key").when().get("/v1/analytics/base-health?weeks=260").then()
                .statusCode(200).extract().jsonPath().getList("weeks.weekStart");
        assertTrue(!weeks.contains("2031-06-02"), "a backtest is not the base's state: " + weeks);
        as("rekindle-dev-storefront-key").when().get("/v1/analytics/base-health").then().statusCode(403);
        as("rekindle-dev-key").when().get("/v1/analytics/base-health?weeks=0").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
