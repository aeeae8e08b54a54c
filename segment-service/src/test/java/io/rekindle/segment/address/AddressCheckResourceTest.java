package io.rekindle.segment.address;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The shop's forms ask before they store an address: from its server with the storefront key, from its pages with
 * the public browser key, which only reaches this endpoint, only from the shop's origins, a few times a minute.
 */
@QuarkusTest
class AddressCheckResourceTest {

    private static final String BROWSER_KEY = "rekindle-test-browser-key";
    private static final String SHOP = "https://shop.example";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void theStorefrontsServerGetsTheVerdictWithItsReason() {
        as("rekindle-dev-storefront-key").body("{\"email\":\"ana@gmial.com\"}").when().post("/v1/address-checks")
                .then().statusCode(200).body("decision", equalTo("suggest")).body("status", equalTo("typo"))
                .body("suggestion", equalTo("ana@gmail.com")).body("reason", equalTo("did you mean ana@gmail.com?"));
        as("rekindle-dev-storefront-key").body("{\"email\":\"x@yopmail.com\"}").when().post("/v1/address-checks")
                .then().statusCode(200).body("decision", equalTo("refuse")).body("suggestion", nullValue());
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        as("rekindle-dev-storefront-key").body("{}").when().post("/v1/address-checks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("email"));
        as("rekindle-dev-storefront-key").body("{\"email\":\"" + "a".repeat(330) + "@example.com\"}").when()
                .post("/v1/address-checks").then().statusCode(400).contentType("application/problem+json");
        as("rekindle-dev-storefront-key").body("not json").when().post("/v1/address-checks").then().statusCode(400);
    }

    @Test
    void theBrowserKeyReachesTheCheckAndNothingElse() {
        clock.set("2026-12-04T10:00:00Z");
        as(BROWSER_KEY).header("Origin", SHOP).body("{\"email\":\"ana@example.com\"}").when()
                .post("/v1/address-checks").then().statusCode(200).header("Access-Control-Allow-Origin", SHOP)
                .body("decision", equalTo("accept"));
        as(BROWSER_KEY).when().get("/v1/customers/anyone").then().statusCode(403)
                .body("detail", containsString("browser key"));
        as(BROWSER_KEY).body("{\"email\":\"ana@example.com\"}").when().put("/v1/customers/anyone").then()
                .statusCode(403);
        as("rekindle-dev-service-key").body("{\"email\":\"ana@example.com\"}").when().post("/v1/address-checks")
                .then().statusCode(403);
    }

    @Test
    void onlyTheShopsOriginsMayCallFromAPage() {
        given().header("Origin", SHOP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").when()
                .options("/v1/address-checks").then().statusCode(200).header("Access-Control-Allow-Origin", SHOP);
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").when()
                .options("/v1/address-checks").then().header("Access-Control-Allow-Origin", nullValue());
        as(BROWSER_KEY).header("Origin", "https://evil.example").body("{\"email\":\"ana@example.com\"}").when()
                .post("/v1/address-checks").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aClientCallingTooOftenWithTheBrowserKeyWaitsForTheNextMinute() {
        clock.set("2026-12-04T11:00:10Z");
        for (int i = 0; i < 5; i++) {
            as(BROWSER_KEY).body("{\"email\":\"ana" + i + "@example.com\"}").when().post("/v1/address-checks")
                    .then().statusCode(200);
        }
        as(BROWSER_KEY).body("{\"email\":\"ana@example.com\"}").when().post("/v1/address-checks").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", "50");
        // The shop's server is not held back by its visitors' browsers.
        as("rekindle-dev-storefront-key").body("{\"email\":\"ana@example.com\"}").when()
                .post("/v1/address-checks").then().statusCode(200);
        clock.set("2026-12-04T11:01:00Z");
        as(BROWSER_KEY).body("{\"email\":\"ana@example.com\"}").when().post("/v1/address-checks").then()
                .statusCode(200);
    }
}
