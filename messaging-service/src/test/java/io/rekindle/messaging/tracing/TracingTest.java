package io.rekindle.messaging.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.messaging.support.TestData;
import io.rekindle.platform.outbox.OutboxRelay;
import io.rekindle.platform.testing.Tracing;

/**
 * With tracing on, a send stays in the trace of the request that queued it, through the queue, the provider's
 * webhook and the outbox: what segment-service and scenario-service receive about the message carries that trace,
 * and the spans reach the OTLP collector.
 */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
@TestProfile(TracingTest.On.class)
class TracingTest {

    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The stand-in for segment-service's API doubles as the collector.
            return Tracing.exportingTo("${quarkus.rest-client.segment.url}");
        }
    }

    @Inject
    TestData data;
    @Inject
    Dispatcher dispatcher;
    @Inject
    OutboxRelay relay;

    @Test
    void anOpenReportedByTheProviderGoesOnInTheTraceOfTheSend() throws Exception {
        data.clear();
        StandIns.http.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
        StandIns.http.stubFor(post(urlPathEqualTo("/v1/events/batch")).willReturn(okJson("{\"stored\":1}")));
        StandIns.http.stubFor(post(urlPathEqualTo("/v1/signals")).willReturn(okJson("{\"new\":1}")));
        profile("t1", "ada@example.com", null, "Europe/Paris", true, false, "valid");
        template("traced", "{\"channel\":\"email\",\"locales\":{\"en\":{\"subject\":\"Hi\",\"text\":\"Hello\"}}}");
        String trace = Tracing.newTraceId();
        String messageId = api().header("Idempotency-Key", "tr-1").header("traceparent", Tracing.traceparent(trace))
                .body("""
                        {"channel":"email","customerId":"t1","template":"traced","category":"marketing"}""")
                .when().post("/v1/messages").then().statusCode(202).extract().path("id");
        assertEquals(1, data.count("SELECT count(*) FROM message WHERE traceparent LIKE '00-" + trace + "-%'"),
                "the queued message keeps the trace of the request");
        dispatcher.drain();
        assertEquals(1, StandIns.smtp.getReceivedMessages().length);

        // The provider's webhook is a trace of its own: the events it reports go on in the send's.
        given().auth().preemptive().basic("postmark", "test-postmark-password").contentType("application/json")
                .body("""
                        {"RecordType":"Open","ID":"pm-t1","MessageID":"%s@rekindle.local","Recipient":"ada@example.com",
                         "ReceivedAt":"%s"}""".formatted(messageId, java.time.Instant.now()))
                .when().post("/v1/webhooks/postmark").then().statusCode(200);
        assertEquals(2, relay.relay());
        for (String path : List.of("/v1/events/batch", "/v1/signals")) {
            List<LoggedRequest> received = StandIns.http.findAll(postRequestedFor(urlPathEqualTo(path)));
            assertEquals(1, received.size(), path);
            String traceparent = received.get(0).getHeader("traceparent");
            assertEquals(trace, Tracing.traceIdOf(traceparent), path + " got " + traceparent);
            assertNotEquals("00f067aa0ba902b7", Tracing.spanIdOf(traceparent), "the outbox's own span, a child");
        }

        assertTrue(Tracing.exported(() -> StandIns.http.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))
                .stream().map(LoggedRequest::getBody).toList(), trace), "the spans reached the OTLP collector");
    }
}
