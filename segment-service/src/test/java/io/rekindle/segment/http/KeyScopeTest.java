package io.rekindle.segment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A key reaches only the endpoints of its scope: the storefront's key cannot manage segments or subscriptions. */
@QuarkusTest
class KeyScopeTest {

    private static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void theStorefrontKeyFeedsTheStoreButCannotManageIt() {
        as("rekindle-dev-storefront-key").body("{\"email\":\"scope@example.com\"}").when()
                .put("/v1/customers/scope-1").then().statusCode(201);
        as("rekindle-dev-storefront-key").when().get("/v1/customers/scope-1").then().statusCode(200);
        as("rekindle-dev-storefront-key").body("{\"name\":\"x\",\"rule\":{\"field\":\"orderCount\",\"op\":\">=\","
                + "\"value\":1}}").when().post("/v1/segments").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("storefront key"));
        as("rekindle-dev-storefront-key").body("{\"callbackUrl\":\"http://127.0.0.1:1/x\",\"segments\":[\"s\"]}")
                .when().post("/v1/subscriptions").then().statusCode(403);
        as("rekindle-dev-storefront-key").body("{\"customerIds\":[\"scope-1\"]}").when()
                .post("/v1/customers/lookup").then().statusCode(403);
    }

    @Test
    void theServiceKeyReachesWhatPeersCallAndNothingElse() {
        as("rekindle-dev-service-key").body("{\"customerIds\":[\"scope-2\"]}").when()
                .post("/v1/customers/lookup").then().statusCode(200);
        as("rekindle-dev-service-key").body("{\"email\":\"scope@example.com\"}").when()
                .put("/v1/customers/scope-2").then().statusCode(403);
        as("rekindle-dev-service-key").when().get("/v1/subscriptions").then().statusCode(403);
    }

    @Test
    void theAdminKeyReachesEverythingAndAnUnknownKeyNothing() {
        as("rekindle-dev-key").when().get("/v1/subscriptions").then().statusCode(200);
        as("rekindle-dev-key").body("{\"customerIds\":[\"scope-3\"]}").when().post("/v1/customers/lookup").then()
                .statusCode(200);
        as("rekindle-dev-key,rekindle-dev-service-key").when().get("/v1/subscriptions").then().statusCode(401);
        as("nope").when().get("/v1/customers/scope-1").then().statusCode(401);
    }
}
