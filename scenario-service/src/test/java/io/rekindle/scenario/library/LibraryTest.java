package io.rekindle.scenario.library;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.scenario.support.PeerStandIn;
import io.restassured.specification.RequestSpecification;

/** Runs before the journey tests, which install library scenarios too. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
@org.junit.jupiter.api.Order(1)
class LibraryTest {

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key");
    }

    @BeforeEach
    void peers() {
        PeerStandIn.reset();
    }

    @Test
    void theSixScenariosAreListedWithWhatTheyInstall() {
        api().when().get("/v1/scenarios/library").then().statusCode(200)
                .body("key", contains("reengagement-cleaning", "last-chance", "lapsed-recommendations",
                        "cart-abandonment", "browse-abandonment", "prevention"))
                .body("find { it.key == 'prevention' }.segments", contains("nearing-usual-gap"))
                .body("find { it.key == 'cart-abandonment' }.trigger.key", equalTo("cartId"))
                .body("find { it.key == 'cart-abandonment' }.holdoutPercent", equalTo(10))
                .body("find { it.key == 'reengagement-cleaning' }.surveys", contains("why-stopped"));
    }

    @Test
    void installingAddsTheMissingTemplatesAndSegmentsThenTheScenarioOnce() {
        PeerStandIn.http.stubFor(get("/v1/templates/reengage-while").atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        PeerStandIn.http.stubFor(get("/v1/segments/reengagement-entry").atPriority(1)
                .willReturn(aResponse().withStatus(404)));

        api().when().post("/v1/scenarios/library/reengagement-cleaning/install").then().statusCode(201)
                .body("id", equalTo("reengagement-cleaning")).body("version", equalTo(1))
                .body("definition.steps[0].type", equalTo("survey"));

        PeerStandIn.http.verify(1, putRequestedFor(urlEqualTo("/v1/templates/reengage-while"))
                .withRequestBody(matchingJsonPath("$.channel", com.github.tomakehurst.wiremock.client.WireMock.equalTo("email"))));
        PeerStandIn.http.verify(0, putRequestedFor(urlEqualTo("/v1/templates/reengage-survey")));
        // Through the generated client, with the rule as the library wrote it and the first service key.
        PeerStandIn.http.verify(1, putRequestedFor(urlEqualTo("/v1/segments/reengagement-entry"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer rekindle-dev-service-key"))
                .withRequestBody(matchingJsonPath("$.rule.any[1].all")));

        api().when().post("/v1/scenarios/library/reengagement-cleaning/install").then().statusCode(200)
                .body("id", equalTo("reengagement-cleaning")).body("version", equalTo(1));
        api().when().post("/v1/scenarios/library/nothing-like-it/install").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
