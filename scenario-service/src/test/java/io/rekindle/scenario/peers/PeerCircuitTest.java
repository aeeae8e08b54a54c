package io.rekindle.scenario.peers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.peers.PeerUnavailableException;
import io.rekindle.scenario.support.PeerStandIn;

/** A peer that keeps failing opens its circuit: callers are told at once instead of each waiting for it. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class PeerCircuitTest {

    private static final String MEMBER = "/v1/segments/flaky/members/c1";

    @Inject
    SegmentPeer segments;

    @AfterEach
    void closeTheCircuit() throws InterruptedException {
        PeerStandIn.reset();
        // Open for rekindle.peers.circuit.delay (2 s), then one call that gets through closes it for the next test.
        Thread.sleep(2_200);
        assertTrue(segments.isMember("flaky", "c1"));
    }

    @Test
    void aPeerAnswering503OpensItsCircuitAndIsNoLongerCalled() {
        PeerStandIn.http.stubFor(get(urlPathEqualTo(MEMBER)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        PeerUnavailableException last = null;
        for (int i = 0; i < 40; i++) {
            last = assertThrows(PeerUnavailableException.class, () -> segments.isMember("flaky", "c1"));
        }
        int asked = PeerStandIn.http.countRequestsMatching(getRequestedFor(urlPathEqualTo(MEMBER)).build()).getCount();
        // Each read is asked twice; the circuit opens once half of 20 attempts failed, then nothing goes out.
        assertTrue(asked <= 22, "segment-service was asked " + asked + " times for 40 calls");
        assertTrue(last.getMessage().contains("circuit open"), last.getMessage());
    }

    @Test
    void aRefusalIsAnAnswerAndLeavesTheCircuitClosed() {
        PeerStandIn.http.stubFor(get(urlPathEqualTo(MEMBER)).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 40; i++) {
            assertFalse(segments.isMember("flaky", "c1"));
        }
        int asked = PeerStandIn.http.countRequestsMatching(getRequestedFor(urlPathEqualTo(MEMBER)).build()).getCount();
        assertTrue(asked == 40, "a 404 is not a failure of the peer: asked " + asked + " times for 40 calls");
    }
}
