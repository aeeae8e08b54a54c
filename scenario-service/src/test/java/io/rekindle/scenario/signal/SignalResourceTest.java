package io.rekindle.scenario.signal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SignalResourceTest {

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    private static final String BATCH = """
            [{"signalId":"%s:survey","customerId":"c1","type":"survey_answered","occurredAt":"2026-05-01T10:00:00Z",
              "attribution":{"scenario":"winback","step":"ask"},"properties":{"reason":"price"}},
             {"signalId":"%s:opened","customerId":"c1","type":"opened","occurredAt":"2026-05-01T11:00:00Z"}]""";

    private static String batch(String prefix) {
        return BATCH.formatted(prefix, prefix);
    }

    @Test
    void aBatchIsStoredOnceAndAResendIsHarmless() {
        api().body(batch("once")).when().post("/v1/signals").then().statusCode(200)
                .body("received", equalTo(2)).body("new", equalTo(2));
        api().body(batch("once")).when().post("/v1/signals").then().statusCode(200)
                .body("received", equalTo(2)).body("new", equalTo(0));
    }

    @Test
    void badSignalsAreNamedAndNothingOfTheBatchIsStored() {
        api().body(batch("bad").replace("\"type\":\"opened\"", "\"type\":\"Opened!\""))
                .when().post("/v1/signals").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[1].type"));
        api().body(batch("bad")).when().post("/v1/signals").then().statusCode(200)
                .body("new", equalTo(2));
        given().contentType(ContentType.JSON).body(batch("nokey")).when().post("/v1/signals").then().statusCode(401);
    }
}
