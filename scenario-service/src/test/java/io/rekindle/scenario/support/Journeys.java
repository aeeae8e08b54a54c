package io.rekindle.scenario.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.rekindle.scenario.engine.Assignment;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What the journey tests do to the service and its stand-in peers. */
public final class Journeys {

    private static final Assignment ASSIGNMENT = new Assignment("rekindle-dev-assignment-salt");

    private Journeys() {
    }

    /** Peers that accept sends and invitations; then the library scenario installed. */
    public static void install(String key) {
        PeerStandIn.reset();
        PeerStandIn.http.stubFor(post("/v1/messages").atPriority(5).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"m\"}")));
        given().header("Authorization", "Bearer rekindle-dev-key").when()
                .post("/v1/scenarios/library/" + key + "/install").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A customer id that the holdout draw puts in (or out of) the scenario's holdout. */
    public static String customer(String scenarioId, int holdoutPercent, String prefix, boolean holdout) {
        return IntStream.range(0, 1_000).mapToObj(i -> prefix + "-" + i)
                .filter(c -> ASSIGNMENT.holdout(scenarioId, c, holdoutPercent) == holdout).findFirst().orElseThrow();
    }

    /** segment-service's profile of the customer, as the stand-in answers it. */
    public static void profile(String customerId, String lastOrderAt, double revenue) {
        PeerStandIn.http.stubFor(get("/v1/customers/" + customerId).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"customerId":"%s","email":"%s@example.com","timezone":"Europe/Paris",
                         "metrics":{"revenue":%s,"lastOrderAt":%s}}""".formatted(customerId, customerId, revenue,
                        lastOrderAt == null ? "null" : "\"" + lastOrderAt + "\""))));
    }

    public static List<LoggedRequest> sends(String customerId) {
        return PeerStandIn.http.findAll(postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId))));
    }

    public static String template(LoggedRequest send) {
        return JsonPath.from(send.getBodyAsString()).getString("template");
    }

    public static void signal(String customerId, String type, String at) {
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                [{"signalId":"%s-%s-%s","customerId":"%s","type":"%s","occurredAt":"%s"}]"""
                .formatted(customerId, type, at, customerId, type, at)).when().post("/v1/signals").then().statusCode(200);
    }

    /** segment-service signalling an order (with the cart it came from, or none). */
    public static void order(String customerId, String orderId, String cartId, String total, String at) {
        String cart = cartId == null ? "" : ",\"cartId\":\"" + cartId + "\"";
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                [{"signalId":"order:%s","customerId":"%s","type":"purchased","occurredAt":"%s",
                  "properties":{"orderId":"%s","total":"%s"%s}}]"""
                .formatted(orderId, customerId, at, orderId, total, cart)).when().post("/v1/signals").then()
                .statusCode(200);
    }

    public static JsonPath enrollment(String scenarioId, String customerId) {
        return given().header("Authorization", "Bearer rekindle-dev-key").when()
                .get("/v1/scenarios/" + scenarioId + "/enrollments?customerId=" + customerId).then().statusCode(200)
                .extract().jsonPath();
    }
}
