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

/** A fresh purchase reaches scenario-service as a "purchased" signal, with the cart it came from; history does not. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class OrderSignalsTest {

    @Inject
    OutboxRelay relay;

    @Test
    void freshPlacedOrdersAreSignalledOnceWithTheirCart() throws Exception {
        // Every peer answers, so no destination is left backing off for the tests that follow.
        PeerStandIn.http.resetAll();
        PeerStandIn.http.stubFor(post(urlMatching("/v1/.*")).willReturn(okJson("{\"stored\":1}")));
        relay.relay();
        PeerStandIn.http.resetRequests();
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

        List<JsonNode> signals = new ArrayList<>();
        for (LoggedRequest call : PeerStandIn.http.findAll(postRequestedFor(urlEqualTo("/v1/signals")))) {
            new ObjectMapper().readTree(call.getBodyAsString()).forEach(signals::add);
        }
        List<JsonNode> mine = signals.stream().filter(s -> s.path("customerId").asText().equals("signal-buyer")).toList();
        assertEquals(1, mine.size(), "only the fresh placed order, once: " + mine);
        JsonNode signal = mine.get(0);
        assertEquals("order:sig-fresh", signal.path("signalId").asText());
        assertEquals("purchased", signal.path("type").asText());
        assertEquals(now, signal.path("occurredAt").asText());
        assertEquals("cart-7", signal.path("properties").path("cartId").asText());
        assertEquals("42.50", signal.path("properties").path("total").asText());
    }
}
