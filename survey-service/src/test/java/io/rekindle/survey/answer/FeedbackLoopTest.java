package io.rekindle.survey.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.rekindle.survey.support.SurveyApi.invite;
import static io.rekindle.survey.support.SurveyApi.pathOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.Metrics;
import io.rekindle.platform.outbox.OutboxRelay;
import io.rekindle.survey.support.Peers;
import io.rekindle.survey.support.SurveyApi;
import io.rekindle.platform.testing.TestClock;

/** Each answer reaches segment-service as an event with traits and scenario-service as a signal, retried until taken. */
@QuarkusTest
@QuarkusTestResource(Peers.class)
class FeedbackLoopTest {

    @Inject
    OutboxRelay relay;

    @Inject
    TestClock clock;

    @BeforeEach
    void peers() {
        Peers.http.resetAll();
        relay.relay();
        Peers.http.resetAll();
        clock.reset();
    }

    private void answer(String path, String reason, String... topics) {
        SurveyApi.form(path)
                .formParam("reason", reason).formParam("topics", (Object[]) topics).formParam("details", "my name is Bob")
                .when().post(path).then().statusCode(200);
    }

    @Test
    void anAnswerBecomesASegmentEventWithTraitsAndAScenarioSignal() {
        Peers.http.stubFor(post("/v1/events/batch").willReturn(aResponse().withStatus(200).withBody("{}")));
        Peers.http.stubFor(post("/v1/signals").willReturn(aResponse().withStatus(202)));
        SurveyApi.saveSurvey("loop");
        var invitation = invite("loop", """
                {"customerId":"c-loop","attribution":{"scenario":"winback","step":"ask","variant":"B"}}""");
        answer(pathOf(invitation.getString("url")), "emails", "shoes");

        assertEquals(2, relay.relay());
        String id = invitation.getString("id");
        Peers.http.verify(1, postRequestedFor(urlEqualTo("/v1/events/batch"))
                .withHeader("Authorization", equalTo("Bearer rekindle-dev-service-key"))
                .withRequestBody(equalToJson("""
                        [{"eventId":"survey:%s:1","customerId":"c-loop","type":"survey_answered","occurredAt":"${json-unit.any-string}",
                          "properties":{"surveyId":"loop","invitationId":"%s","scenario":"winback","step":"ask","variant":"B",
                            "reason":"emails","topics":"shoes","topics_shoes":true,
                            "traits":{"survey_reason":"emails","survey_topics":"shoes"}}}]""".formatted(id, id))));
        Peers.http.verify(1, postRequestedFor(urlEqualTo("/v1/signals")).withRequestBody(equalToJson("""
                [{"signalId":"survey:%s:1","customerId":"c-loop","type":"survey_answered","occurredAt":"${json-unit.any-string}",
                  "attribution":{"scenario":"winback","step":"ask","variant":"B"},
                  "properties":{"surveyId":"loop","invitationId":"%s","scenario":"winback","step":"ask","variant":"B",
                    "reason":"emails","topics":"shoes","topics_shoes":true}}]""".formatted(id, id))));
        assertEquals(0, relay.relay(), "acknowledged rows are gone");
    }

    @Test
    void aPeerThatIsDownGetsTheAnswerWhenItIsBackAndTheOtherIsNotHeldUp() {
        Peers.http.stubFor(post("/v1/events/batch").willReturn(aResponse().withStatus(503)));
        Peers.http.stubFor(post("/v1/signals").willReturn(aResponse().withStatus(202)));
        SurveyApi.saveSurvey("loop");
        answer(pathOf(invite("loop", "{\"customerId\":\"c-down\"}").getString("url")), "price");

        assertEquals(2, outboxBacklog(), "both due");
        String before = Metrics.scrape();
        assertEquals(1, relay.relay(), "the signal goes, the event waits");
        assertEquals(0, outboxBacklog(), "a retry waiting for its backoff is not work yet");
        String during = Metrics.scrape();
        assertEquals(1, rows(during, "SEGMENT_EVENTS", "retried") - rows(before, "SEGMENT_EVENTS", "retried"));
        assertEquals(1, rows(during, "SCENARIO_SIGNALS", "delivered") - rows(before, "SCENARIO_SIGNALS", "delivered"));
        assertEquals(1, Metrics.sample(during, "rekindle_peer_calls_seconds_count", "peer=\"segment-service\"",
                "kind=\"outbox\"", "outcome=\"unavailable\"") - Metrics.sample(before,
                "rekindle_peer_calls_seconds_count", "peer=\"segment-service\"", "kind=\"outbox\"",
                "outcome=\"unavailable\""), "the 503 is timed as the peer being unavailable");
        Peers.http.stubFor(post("/v1/events/batch").willReturn(aResponse().withStatus(200).withBody("{}")));
        assertEquals(0, relay.relay(), "not before its backoff");
        clock.set(java.time.Instant.now().plusSeconds(600));
        assertEquals(1, outboxBacklog(), "due again");
        assertEquals(1, relay.relay());
        assertEquals(0, outboxBacklog());
        assertEquals(1, rows(Metrics.scrape(), "SEGMENT_EVENTS", "delivered") - rows(during, "SEGMENT_EVENTS", "delivered"));
        Peers.http.verify(2, postRequestedFor(urlEqualTo("/v1/events/batch")));
        Peers.http.verify(1, postRequestedFor(urlEqualTo("/v1/signals")));
    }

    @Test
    void aRowThePeerRefusesIsSetAsideWithItsReasonAndTheRestOfItsBatchIsDelivered() {
        Peers.http.stubFor(post("/v1/events/batch").atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("c-refused"))
                .willReturn(aResponse().withStatus(400).withBody("{\"detail\":\"customerId: not accepted\"}")));
        Peers.http.stubFor(post("/v1/events/batch").atPriority(5)
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        Peers.http.stubFor(post("/v1/signals").willReturn(aResponse().withStatus(202)));
        SurveyApi.saveSurvey("loop");
        for (String customer : java.util.List.of("c-first", "c-refused", "c-last")) {
            answer(pathOf(invite("loop", "{\"customerId\":\"" + customer + "\"}").getString("url")), "price");
        }

        String before = Metrics.scrape();
        assertEquals(5, relay.relay(), "three signals and two events; the refused event is set aside");
        assertEquals(0, relay.relay(), "nothing is held back, nothing is tried again");
        assertEquals(0, outboxBacklog());
        Peers.http.verify(postRequestedFor(urlEqualTo("/v1/events/batch"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("c-first")));
        SurveyApi.api().when().get("/v1/admin/outbox/dead-letters").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].destination", org.hamcrest.Matchers.equalTo("SEGMENT_EVENTS"))
                .body("[0].reason", org.hamcrest.Matchers.containsString("HTTP 400"));
        String after = Metrics.scrape();
        assertEquals(1, Metrics.sample(after, "rekindle_outbox_dead_letters"), after);
        assertEquals(1, rows(after, "SEGMENT_EVENTS", "dead") - rows(before, "SEGMENT_EVENTS", "dead"));
        assertEquals(2, rows(after, "SEGMENT_EVENTS", "delivered") - rows(before, "SEGMENT_EVENTS", "delivered"));
        given().header("Authorization", "Bearer rekindle-dev-storefront-key").when()
                .get("/v1/admin/outbox/dead-letters").then().statusCode(403);
    }

    private static double rows(String metrics, String destination, String result) {
        return Metrics.sample(metrics, "rekindle_outbox_deliveries_total", "destination=\"" + destination + "\"",
                "result=\"" + result + "\"");
    }

    private static long outboxBacklog() {
        return Metrics.backlog("outbox");
    }
}
