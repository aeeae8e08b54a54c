package io.rekindle.segment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ApiConventionsTest {

    private static final String KEY = "Bearer rekindle-dev-key";

    @Test
    void requestWithoutKeyIsRefusedAndStoresNothing() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@example.com\"}")
                .when().put("/v1/customers/conv-nokey")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().header("Authorization", KEY).when().get("/v1/customers/conv-nokey").then().statusCode(404);
    }

    @Test
    void wrongKeyIsRefused() {
        given().header("Authorization", "Bearer not-the-key").when().get("/v1/customers/any")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400AndLeavesStoredDataAlone() {
        given().header("Authorization", KEY).contentType(ContentType.JSON).body("{\"firstName\":\"Ada\"}")
                .when().put("/v1/customers/conv-malformed").then().statusCode(201);

        given().header("Authorization", KEY).contentType(ContentType.JSON).body("{\"firstName\": ")
                .when().put("/v1/customers/conv-malformed")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("body"))
                .body("detail", containsString("not valid JSON"));

        given().header("Authorization", KEY).when().get("/v1/customers/conv-malformed")
                .then().statusCode(200).body("firstName", equalTo("Ada"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().header("Authorization", KEY).contentType(ContentType.JSON)
                .body("{\"consents\":{\"email\":{\"granted\":\"perhaps\"}}}")
                .when().put("/v1/customers/conv-type")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("consents.email.granted"));
        given().header("Authorization", KEY).when().get("/v1/customers/conv-type").then().statusCode(404);
    }

    @Test
    void invalidValueNamesTheField() {
        given().header("Authorization", KEY).contentType(ContentType.JSON)
                .body("{\"phone\":\"0612\",\"timezone\":\"Mars/Olympus\"}")
                .when().put("/v1/customers/conv-invalid")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("timezone"));
    }

    @Test
    void unparsableQueryParametersAreNamed() {
        given().header("Authorization", KEY).when().get("/v1/analytics/purchase-latency?asOf=2020-13-45")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
        given().header("Authorization", KEY).when().get("/v1/customers/x/recommendations?limit=many")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unknownRouteIsProblemJson() {
        given().header("Authorization", KEY).when().get("/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyAndOpenApiStaysForConsumers() {
        int management = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class);
        given().port(management).when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().port(management).when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
