package io.rekindle.segment.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.rekindle.segment.support.TestStore.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rekindle.platform.testing.Tracing;
import io.rekindle.segment.segments.Reevaluations;
import io.rekindle.segment.subscriptions.SubscriptionDelivery;
import io.rekindle.segment.support.PeerStandIn;
import io.rekindle.segment.support.TestStore;

/**
 * With tracing on, the storefront's write that moves a customer into a segment starts the trace their journey
 * follows: the re-evaluation, the change in the feed (which carries it for consumers that read the feed) and its push
 * to a subscriber, whose request carries it as its traceparent; the spans reach the OTLP collector.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
@TestProfile(TracingTest.On.class)
class TracingTest {

    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Tracing.exportingTo("${quarkus.rest-client.scenario.url}");
        }
    }

    @Inject
    TestStore store;
    @Inject
    Reevaluations reevaluations;
    @Inject
    SubscriptionDelivery delivery;
    @Inject
    ObjectMapper mapper;

    @Test
    void aCustomerWriteStartsTheTraceTheirSegmentChangeIsPushedIn() throws Exception {
        store.clear();
        PeerStandIn.http.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
        PeerStandIn.http.stubFor(post(urlPathEqualTo("/changes")).willReturn(aResponse().withStatus(200)));
        String segment = api()
                .body("{\"name\":\"VIPs\",\"rule\":{\"field\":\"attributes.vip\",\"op\":\"=\",\"value\":true}}")
                .when().post("/v1/segments").then().statusCode(201).extract().path("id");
        api().body("{\"callbackUrl\":\"" + PeerStandIn.http.baseUrl() + "/changes\",\"segments\":[\"" + segment
                + "\"]}").when().post("/v1/subscriptions").then().statusCode(201);

        String trace = Tracing.newTraceId();
        api().header("traceparent", Tracing.traceparent(trace))
                .body("{\"email\":\"ann@example.com\",\"attributes\":{\"vip\":true}}")
                .when().put("/v1/customers/ann").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        while (reevaluations.drainBatch() > 0) {
            // drain as the scheduler would
        }
        String inFeed = api().when().get("/v1/segments/" + segment + "/changes").then().statusCode(200)
                .extract().path("changes[0].traceparent");
        assertEquals(trace, Tracing.traceIdOf(inFeed), "the change read from the feed: " + inFeed);

        assertEquals(1, delivery.deliverDue());
        List<LoggedRequest> pushed = PeerStandIn.http.findAll(postRequestedFor(urlPathEqualTo("/changes")));
        assertEquals(1, pushed.size());
        assertEquals(trace, Tracing.traceIdOf(pushed.get(0).getHeader("traceparent")));
        JsonNode change = mapper.readTree(pushed.get(0).getBody()).get("changes").get(0);
        assertEquals("ann", change.get("customerId").asText());
        assertEquals(inFeed, change.get("traceparent").asText());

        assertTrue(Tracing.exported(() -> PeerStandIn.http.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))
                .stream().map(LoggedRequest::getBody).toList(), trace), "the spans reached the OTLP collector");
    }
}
