package io.rekindle.segment.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.rekindle.segment.support.TestStore.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.outbox.OutboxRelay;
import io.rekindle.segment.support.PeerStandIn;
import io.rekindle.platform.testing.TestClock;

/** An erasure reaches messaging-, scenario- and survey-service, also when they are down at the moment. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class ErasureReachesPeersTest {

    @Inject
    OutboxRelay relay;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anErasureIsPassedOnToEveryPeerAndRetriedUntilTheyHaveIt() {
        PeerStandIn.http.resetAll();
        relay.relay();
        PeerStandIn.http.resetAll();
        api().body("{\"email\":\"gone@example.com\"}").when().put("/v1/customers/gone-peer").then().statusCode(201);
        PeerStandIn.http.stubFor(post("/v1/erasures").willReturn(aResponse().withStatus(503)));
        api().when().delete("/v1/customers/gone-peer").then().statusCode(204);

        assertEquals(0, relay.relay(), "all three down");
        PeerStandIn.http.stubFor(post("/v1/erasures").willReturn(okJson("{\"erased\":1}")));
        assertEquals(0, relay.relay(), "not before the backoff");
        clock.set(java.time.Instant.now().plusSeconds(600));
        assertEquals(3, relay.relay());
        PeerStandIn.http.verify(6, postRequestedFor(urlEqualTo("/v1/erasures"))
                .withRequestBody(matchingJsonPath("$[0].customerId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("gone-peer"))));
        assertEquals(0, relay.relay());
    }
}
