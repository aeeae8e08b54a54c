package io.rekindle.scenario.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ScenarioResourceTest {

    private static final String CART = """
            {"name":"Cart abandonment","trigger":{"type":"event","event":"cart_updated"},
             "steps":[{"id":"wait","type":"wait","duration":"PT1H","next":"mail"},
                      {"id":"mail","type":"send","channel":"email","template":"cart-1"}]}
            """;

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    @Test
    void createdScenarioReadsBackAndRevisionsAddVersions() {
        String id = api().body(CART).when().post("/v1/scenarios").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("id");

        api().body(CART.replace("PT1H", "PT30M")).when().put("/v1/scenarios/" + id).then().statusCode(200)
                .body("version", equalTo(2));

        api().when().get("/v1/scenarios/" + id).then().statusCode(200)
                .body("definition.name", equalTo("Cart abandonment"))
                .body("definition.steps[0].duration", equalTo("PT30M"))
                .body("version", equalTo(2));
        api().when().get("/v1/scenarios").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void missingPartsAreNamed() {
        api().body("{\"name\":\"\",\"steps\":[]}").when().post("/v1/scenarios").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("trigger"))
                .body("errors.field", hasItem("steps"));
    }

    @Test
    void withoutKeyOrWithMalformedJsonNothingChanges() {
        String id = api().body(CART).when().post("/v1/scenarios").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(CART).when().put("/v1/scenarios/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        api().body("{\"name\": [").when().put("/v1/scenarios/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        api().body("{\"name\": 12, \"trigger\": \"soon\", \"steps\": [{}]}").when().put("/v1/scenarios/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        api().when().get("/v1/scenarios/" + id).then().statusCode(200).body("version", equalTo(1));
    }
}
