package io.rekindle.scenario.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.rekindle.scenario.engine.Assignment;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What the journey tests do to the service and its stand-in peers. */
public final class Journeys {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Assignment ASSIGNMENT = new Assignment("rekindle-dev-assignment-salt");

    private Journeys() {
    }

    /** Peers that accept sends and invitations; then the library scenario installed. */
    public static void install(String key) {
        PeerStandIn.reset();
        PeerStandIn.http.stubFor(post("/v1/messages").atPriority(5).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"m\"}")));
        PeerStandIn.http.stubFor(post("/v1/messages/batch").atPriority(5).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        given().header("Authorization", "Bearer rekindle-dev-key").when()
                .post("/v1/scenarios/library/" + key + "/install").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A customer id that the holdout draw puts in (or out of) the scenario's holdout. */
    public static String customer(String scenarioId, int holdoutPercent, String prefix, boolean holdout) {
        return IntStream.range(0, 1_000).mapToObj(i -> prefix + "-" + i)
                .filter(c -> ASSIGNMENT.holdout(scenarioId, c, holdoutPercent) == holdout).findFirst().orElseThrow();
    }

    /** segment-service's profile of the customer, as the stand-in answers it from now on. */
    public static void profile(String customerId, String lastOrderAt, double revenue) {
        profile(customerId, lastOrderAt, revenue, "");
    }

    /** The same profile with more fields (JSON members such as {@code "phone":"+336...",}). */
    public static void profile(String customerId, String lastOrderAt, double revenue, String moreFields) {
        profile(customerId, lastOrderAt, revenue, moreFields, "");
    }

    /** The same with more members in its metrics (such as {@code "value":{"currentQuintile":5},}). */
    public static void profile(String customerId, String lastOrderAt, double revenue, String moreFields,
            String moreMetrics) {
        PeerStandIn.profile(customerId, """
                {%s"customerId":"%s","email":"%s@example.com","timezone":"Europe/Paris",
                 "metrics":{%s"revenue":%s,"lastOrderAt":%s}}""".formatted(moreFields, customerId, customerId,
                moreMetrics, revenue, lastOrderAt == null ? "null" : "\"" + lastOrderAt + "\""));
    }

    /**
     * segment-service's feed of the segment from now on: these customers entered, then nothing new. The page's
     * cursor is new each time, so the stand-in answers whatever cursor the service kept from an earlier page.
     */
    public static void entered(String segment, String... customers) {
        String path = "/v1/segments/" + segment + "/changes";
        String next = java.util.UUID.randomUUID().toString();
        PeerStandIn.http.getStubMappings().stream()
                .filter(m -> path.equals(m.getRequest().getUrlPath())).toList()
                .forEach(PeerStandIn.http::removeStubMapping);
        StringBuilder changes = new StringBuilder();
        for (String c : customers) {
            changes.append(changes.length() == 0 ? "" : ",").append("""
                    {"cursor":"%s","segmentId":"%s","customerId":"%s","kind":"entered","at":"2026-07-01T07:00:00Z"}"""
                    .formatted(next, segment, c));
        }
        PeerStandIn.http.stubFor(get(urlPathEqualTo(path)).atPriority(2).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"changes\":[" + changes + "],\"next\":\"" + next + "\"}")));
        PeerStandIn.http.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo(next)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"changes\":[],\"next\":\"" + next + "\"}")));
    }

    /** A message the service asked messaging-service to send: its idempotency key and the request's JSON. */
    public record Sent(String key, String body) {
    }

    /**
     * The customer's messages asked for, in order, each try counted: from batches (POST /v1/messages/batch) and from
     * single sends (the fallback when a batch is refused).
     */
    public static List<Sent> sends(String customerId) {
        List<Sent> sent = new java.util.ArrayList<>();
        for (LoggedRequest request : PeerStandIn.http.findAll(postRequestedFor(urlMatching("/v1/messages(/batch)?")))) {
            try {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                if (request.getUrl().endsWith("/batch")) {
                    for (JsonNode item : body.path("items")) {
                        if (item.path("message").path("customerId").asText().equals(customerId)) {
                            sent.add(new Sent(item.path("idempotencyKey").asText(), JSON.writeValueAsString(item.path("message"))));
                        }
                    }
                } else if (body.path("customerId").asText().equals(customerId)) {
                    sent.add(new Sent(request.getHeader("Idempotency-Key"), request.getBodyAsString()));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

    public static String template(Sent send) {
        return JsonPath.from(send.body()).getString("template");
    }

    /** The storefront's cart_updated trigger for this customer and cart (its event id from both, so a retry is one). */
    public static void cartUpdated(String customerId, String cartId) {
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"eventId":"%s-%s","customerId":"%s","type":"cart_updated","properties":{"cartId":"%s"}}"""
                .formatted(customerId, cartId, customerId, cartId)).when().post("/v1/triggers").then().statusCode(202);
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
