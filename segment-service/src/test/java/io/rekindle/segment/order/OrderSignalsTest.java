package io.rekindle.segment.order;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.rekindle.segment.support.TestStore.api;
import static io.rekindle.segment.support.TestStore.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.outbox.OutboxRelay;
import io.rekindle.segment.support.PeerStandIn;

/**
 * A fresh purchase reaches scenario-service as a "purchased" signal, with the cart it came from; history does not.
 * Every write of a recent order that carried a discount code reaches messaging-service, whose offers count it.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class OrderSignalsTest {

    @Inject
    OutboxRelay relay;

    /** Every peer answers, so no destination is left backing off for the tests that follow; earlier rows are sent. */
    private void everyPeerAnswersWithNothingPending() {
        PeerStandIn.http.resetAll();
        PeerStandIn.http.stubFor(post(urlMatching("/v1/.*")).willReturn(okJson("{\"stored\":1}")));
        relay.relay();
        PeerStandIn.http.resetRequests();
    }

    /** What the outbox posted to one peer path, item by item. */
    private static List<JsonNode> posted(String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (LoggedRequest call : PeerStandIn.http.findAll(postRequestedFor(urlEqualTo(path)))) {
            new ObjectMapper().readTree(call.getBodyAsString()).forEach(items::add);
        }
        return items;
    }

    @Test
    void freshPlacedOrdersAreSignalledOnceWithTheirCart() throws Exception {
        everyPeerAnswersWithNothingPending();
        String now = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        api().body("{\"email\":\"signal@example.com\"}").when().put("/v1/customers/signal-buyer").then().statusCode(201);
        String fresh = order("sig-fresh", "signal-buyer", now, "42.50", "shoes")
                .replace("\"status\"", "\"cartId\":\"cart-7\",\"status\"");
        api().body(fresh).when().post("/v1/orders").then().statusCode(201);
        api().body(fresh).when().post("/v1/orders").then().statusCode(200);
        api().body("[" + order("sig-old", "signal-buyer", "2024-01-05T10:00:00Z", "10", "shoes") + ","
                + order("sig-cancelled", "signal-buyer", now, "12", "shoes").replace("\"placed\"", "\"cancelled\"")
                + "]").when().post("/v1/orders/batch").then().statusCode(200);

        relay.relay();

        List<JsonNode> signals = posted("/v1/signals");
        List<JsonNode> mine = signals.stream().filter(s -> s.path("customerId").asText().equals("signal-buyer")).toList();
        assertEquals(1, mine.size(), "only the fresh placed order, once: " + mine);
        JsonNode signal = mine.get(0);
        assertEquals("order:sig-fresh", signal.path("signalId").asText());
        assertEquals("purchased", signal.path("type").asText());
        assertEquals(now, signal.path("occurredAt").asText());
        assertEquals("cart-7", signal.path("properties").path("cartId").asText());
        assertEquals("42.50", signal.path("properties").path("total").asText());
    }

    @Test
    void everyWriteOfARecentOrderWithACodeIsPassedOnForTheOffers() throws Exception {
        everyPeerAnswersWithNothingPending();
        String now = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        api().body("{\"email\":\"coder@example.com\"}").when().put("/v1/customers/code-buyer").then().statusCode(201);
        String coded = order("code-1", "code-buyer", now, "90.00", "shoes")
                .replace("\"status\"", "\"discountCode\":\"CART-A\",\"discountAmount\":10,\"status\"");
        api().body(coded).when().post("/v1/orders").then().statusCode(201);
        api().body(coded.replace("\"placed\"", "\"refunded\"")).when().post("/v1/orders").then().statusCode(200);
        api().body("[" + order("code-old", "code-buyer", "2024-01-05T10:00:00Z", "10", "shoes")
                .replace("\"status\"", "\"discountCode\":\"OLD\",\"status\"") + ","
                + order("no-code", "code-buyer", now, "12", "shoes") + "]").when().post("/v1/orders/batch").then()
                .statusCode(200);
        api().body(coded.replace("\"discountAmount\":10", "\"discountAmount\":-1")).when().post("/v1/orders")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("discountAmount"));

        relay.relay();

        List<JsonNode> passed = posted("/v1/redemptions");
        assertEquals(List.of("placed", "refunded"), passed.stream().map(r -> r.path("status").asText()).toList(),
                "both writes of the recent order with a code, in order; no history, no order without a code: " + passed);
        JsonNode first = passed.get(0);
        assertEquals("code-1", first.path("orderId").asText());
        assertEquals("code-buyer", first.path("customerId").asText());
        assertEquals("CART-A", first.path("code").asText());
        assertEquals("90.00", first.path("total").asText());
        assertEquals("10", first.path("discount").asText());
        assertEquals(now, first.path("placedAt").asText());
        // The purchase signal carries the discount too, for the scenario report's margin.
        JsonNode purchase = posted("/v1/signals").stream()
                .filter(x -> x.path("signalId").asText().equals("order:code-1")).findFirst().orElseThrow();
        assertEquals("10", purchase.path("properties").path("discount").asText());
    }
}
