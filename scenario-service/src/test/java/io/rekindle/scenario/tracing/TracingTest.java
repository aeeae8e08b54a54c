package io.rekindle.scenario.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.rekindle.platform.testing.Tracing;
import io.rekindle.scenario.engine.Engine;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.scenario.trigger.SegmentEntries;

/**
 * With tracing on, a journey goes on in the trace of what enrolled the customer: the segment change read from the
 * feed (its traceparent field) or the storefront's trigger (its request's traceparent), days later, when the step
 * sends: messaging-service receives the send in that trace. The spans reach the OTLP collector.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
@TestProfile(TracingTest.On.class)
class TracingTest {

    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Tracing.exportingTo("${quarkus.rest-client.segment.url}");
        }
    }

    private static final String KEY = "Bearer rekindle-dev-key";

    @Inject
    SegmentEntries entries;
    @Inject
    Engine engine;

    @Test
    void aStepSendsInTheTraceOfTheSegmentChangeOrTriggerThatEnrolledTheCustomer() throws Exception {
        Journeys.install("cart-abandonment");
        PeerStandIn.http.stubFor(post(urlPathEqualTo("/v1/traces")).atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/x-protobuf")));
        Journeys.profile("fed", null, 0);
        Journeys.profile("triggered", null, 0);
        given().header("Authorization", KEY).contentType(ContentType.JSON).body("""
                {"name":"traced entry","trigger":{"type":"segment","segment":"traced"},"holdoutPercent":0,
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"t","category":"transactional"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201);
        given().header("Authorization", KEY).contentType(ContentType.JSON).body("""
                {"name":"traced trigger","trigger":{"type":"event","events":["traced_visit"]},"holdoutPercent":0,
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"t","category":"transactional"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201);

        String fromFeed = Tracing.newTraceId();
        PeerStandIn.http.stubFor(get(urlPathEqualTo("/v1/segments/traced/changes")).withQueryParam("after", absent())
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"changes":[{"cursor":"1","segmentId":"traced","customerId":"fed","kind":"entered",
                         "at":"2026-07-01T07:00:00Z","traceparent":"%s"}],"next":"1"}"""
                        .formatted(Tracing.traceparent(fromFeed)))));
        assertEquals(1, entries.poll());
        engine.runDue();
        assertEquals(fromFeed, traceOfTheSendTo("fed"));

        String fromTrigger = Tracing.newTraceId();
        given().header("Authorization", KEY).header("traceparent", Tracing.traceparent(fromTrigger))
                .contentType(ContentType.JSON).body("""
                        {"eventId":"tv-1","customerId":"triggered","type":"traced_visit"}""")
                .when().post("/v1/triggers").then().statusCode(202);
        engine.runDue();
        assertEquals(fromTrigger, traceOfTheSendTo("triggered"));

        assertTrue(Tracing.exported(() -> PeerStandIn.http.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))
                .stream().map(LoggedRequest::getBody).toList(), fromFeed, fromTrigger), "the spans reached OTLP");
    }

    /** The trace id of the call that handed this customer's message to messaging-service. */
    private static String traceOfTheSendTo(String customer) {
        List<LoggedRequest> calls = PeerStandIn.http.findAll(postRequestedFor(urlPathEqualTo("/v1/messages/batch")))
                .stream().filter(r -> r.getBodyAsString().contains("\"" + customer + "\"")).toList();
        assertEquals(1, calls.size(), "one hand-over for " + customer);
        return Tracing.traceIdOf(calls.get(0).getHeader("traceparent"));
    }
}
