package io.rekindle.messaging.message;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.rekindle.messaging.support.TestData.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.platform.testing.Metrics;

/** What an operator reads of the sends: messages by channel and outcome, and the providers' hand-off times. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class SendMetricsTest extends SendingFixture {

    @Test
    void aSentEmailIsCountedOnceAndItsHandOffTimedAsAccepted() {
        String before = Metrics.scrape();
        String id = send("m-1", email("c1", "marketing"));
        drain();
        assertSent(id);
        send("m-1", email("c1", "marketing"));
        drain();
        String after = Metrics.scrape();
        assertEquals(1, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"email\"", "outcome=\"sent\""),
                "the retried request sends nothing new and counts nothing new");
        assertEquals(1, Metrics.delta(before, after, "rekindle_provider_handoff_seconds_count", "channel=\"email\"",
                "result=\"accepted\""));
        assertTrue(Metrics.has(after, "rekindle_provider_handoff_seconds_bucket", "channel=\"email\"",
                "result=\"accepted\"", "le=\"0.001\""), "a histogram a latency quantile can be read from");
    }

    @Test
    void suppressedAndDeferredMessagesAreCountedByWhatBecameOfThem() {
        profile("no-consent", "nc@example.com", null, "Europe/Paris", false, false, "valid");
        String before = Metrics.scrape();
        send("s-1", email("no-consent", "marketing"));
        send("s-2", email("c1", "marketing"));
        drain();
        clock.set(MORNING.plus(Duration.ofHours(2)));
        send("s-3", email("c1", "marketing"));
        drain();
        String after = Metrics.scrape();
        assertEquals(1, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"email\"",
                "outcome=\"suppressed\""), "no consent for marketing");
        assertEquals(1, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"email\"",
                "outcome=\"deferred\""), "the frequency cap holds the second one to tomorrow");
        assertEquals(1, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"email\"", "outcome=\"sent\""));
        assertEquals(1, Metrics.delta(before, after, "rekindle_provider_handoff_seconds_count", "channel=\"email\""),
                "only the sent one was handed off");
    }

    @Test
    void aProviderThatFailsThenRefusesIsCountedAsARetryAndAFailure() {
        StandIns.http.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"))
                .inScenario("twilio").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("refusing"));
        StandIns.http.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"))
                .inScenario("twilio").whenScenarioStateIs("refusing")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}")));
        String before = Metrics.scrape();
        String sms = send("f-1", """
                {"channel":"sms","customerId":"c1","template":"sms-nudge","category":"transactional",
                 "variables":{"offer":"your order shipped"}}""");
        drain();
        assertEquals("queued", state(sms));
        clock.set(MORNING.plus(Duration.ofMinutes(1)));
        drain();
        assertEquals("failed", state(sms));
        String after = Metrics.scrape();
        assertEquals(1, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"sms\"", "outcome=\"retried\""));
        assertEquals(1, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"sms\"", "outcome=\"failed\""));
        assertEquals(0, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"sms\"", "outcome=\"sent\""));
        assertEquals(1, Metrics.delta(before, after, "rekindle_provider_handoff_seconds_count", "channel=\"sms\"",
                "result=\"failed\""), "the 503: try again");
        assertEquals(1, Metrics.delta(before, after, "rekindle_provider_handoff_seconds_count", "channel=\"sms\"",
                "result=\"refused\""), "the 400: never again");
    }

    @Test
    void everyChannelAndOutcomeIsPublishedBeforeAnythingHappens() {
        String metrics = Metrics.scrape();
        for (String channel : new String[] {"email", "sms", "push"}) {
            for (String outcome : new String[] {"sent", "failed", "retried", "suppressed", "deferred"}) {
                assertTrue(Metrics.has(metrics, "rekindle_messages_total", "channel=\"" + channel + "\"",
                        "outcome=\"" + outcome + "\"", "application=\"messaging-service\""), channel + " " + outcome);
            }
        }
    }

}
