package io.rekindle.scenario.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.scenario.support.PeerStandIn;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class ScenarioResourceTest {

    private static final String CART = """
            {"name":"Cart abandonment","trigger":{"type":"event","events":["cart_updated"],"key":"cartId"},
             "steps":[{"id":"wait","type":"wait","duration":"PT1H","next":"mail"},
                      {"id":"mail","type":"send","channel":"email","template":"cart-1"}]}
            """;

    @Inject
    DataSource dataSource;

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    @BeforeEach
    void peers() {
        PeerStandIn.reset();
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

    /** A rolling upgrade: the previous release reads definitions the new one stored with fields it does not know. */
    @Test
    void aStoredDefinitionWithFieldsThisReleaseDoesNotKnowStillReads() throws SQLException {
        String id = api().body(CART).when().post("/v1/scenarios").then().statusCode(201).extract().path("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE scenario_version SET definition = jsonb_set(definition || '{"addedLater": {"x": 1}}',
                    '{steps,0,addedLater}', 'true') WHERE scenario_id = ?""")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }

        api().when().get("/v1/scenarios/" + id).then().statusCode(200)
                .body("definition.name", equalTo("Cart abandonment"))
                .body("definition.steps[0].duration", equalTo("PT1H"));
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
    void graphErrorsPointAtTheStep() {
        api().body("""
                {"name":"broken","trigger":{"type":"segment","segment":"does-not-exist"},
                 "steps":[{"id":"s1","type":"send","next":"nowhere"}]}""")
                .when().post("/v1/scenarios").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("steps[0].next")).body("errors.field", hasItem("steps[0].channel"))
                .body("errors.field", hasItem("steps[0].template"));
        api().body(CART.replace("\"template\":\"cart-1\"}", "\"template\":\"cart-1\"},{\"id\":\"orphan\",\"type\":\"exit\"}"))
                .when().post("/v1/scenarios").then().statusCode(400)
                .body("errors[0].field", equalTo("steps[2].id"))
                .body("errors[0].message", containsString("cannot be reached"));
        api().body("""
                {"name":"spins","trigger":{"type":"event","events":["x"]},
                 "steps":[{"id":"a","type":"condition","condition":{"field":"rfm.total","op":">","value":3},"then":"b","else":"c"},
                          {"id":"b","type":"send","channel":"email","template":"t","next":"a"},
                          {"id":"c","type":"wait","duration":"P1D","next":"a"}]}""")
                .when().post("/v1/scenarios").then().statusCode(400)
                .body("errors[0].message", containsString("cycle without a wait"));
        api().body("""
                {"name":"loops politely","trigger":{"type":"event","events":["x"]},
                 "steps":[{"id":"a","type":"send","channel":"email","template":"t","next":"c"},
                          {"id":"c","type":"wait","duration":"P1D","next":"a"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201);
    }

    @Test
    void templatesSegmentsAndSurveysMustExistWhereTheyLive() {
        api().body("""
                {"name":"refs","trigger":{"type":"segment","segment":"missing-segment"},
                 "steps":[{"id":"ask","type":"survey","survey":"missing-survey","next":"mail"},
                          {"id":"mail","type":"send","channel":"email","template":"missing-template"}]}""")
                .when().post("/v1/scenarios").then().statusCode(400)
                .body("errors.field", hasItem("trigger.segment")).body("errors.field", hasItem("steps[0].survey"))
                .body("errors.find { it.field == 'steps[1].template' }.message",
                        equalTo("no template 'missing-template' in messaging-service"));
    }

    @Test
    void aPeerThatCannotAnswerIsA503NotAWrongAnswer() {
        PeerStandIn.http.stubFor(WireMock.get(WireMock.urlPathMatching("/v1/templates/.*")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(503)));
        api().body(CART).when().post("/v1/scenarios").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5");
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
