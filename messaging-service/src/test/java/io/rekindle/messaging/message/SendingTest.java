package io.rekindle.messaging.message;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.Metrics;
import io.rekindle.messaging.support.StandIns;

/** Sending through real servers: batches, idempotency, headers, retries, stalls and crashed workers. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class SendingTest extends SendingFixture {

    @Test
    void theQueueBacklogCountsMessagesDueAndInFlightButNotThoseForLater() {
        assertEquals(0, backlog());
        String later = send("later", email("c1", "marketing").replace("\"category\"",
                "\"sendAt\":\"" + MORNING.plus(Duration.ofHours(3)) + "\",\"category\""));
        assertEquals(0, backlog(), "due in three hours: not work yet");
        send("now", email("c1", "transactional"));
        assertEquals(1, backlog());
        store.claimDue(10, Duration.ofMinutes(2));
        assertEquals(1, backlog(), "claimed by a worker, not sent yet");
        clock.set(MORNING.plus(Duration.ofHours(3)));
        assertEquals(2, backlog(), "the later one is due now, the claimed one still in flight");
        drain();
        assertEquals(0, backlog());
        assertSent(later);
    }

    private static long backlog() {
        return Metrics.backlog("messages");
    }

    @Test
    void aBatchQueuesEachMessageOnceUnderItsOwnKeyAllOrNone() throws Exception {
        profile("c2", "bob@example.com", null, "Europe/Paris", true, false, "valid");
        String single = send("enr-1:step-1", email("c1", "transactional"));
        String batch = """
                {"items":[{"idempotencyKey":"enr-1:step-1","message":%s},
                          {"idempotencyKey":"enr-2:step-1","message":%s}]}""".formatted(email("c1", "transactional"),
                email("c2", "transactional"));
        var answer = api().body(batch).when().post("/v1/messages/batch").then().statusCode(202).extract();
        assertEquals(List.of("enr-1:step-1", "enr-2:step-1"), answer.path("items.idempotencyKey"));
        assertEquals(List.of(true, false), answer.path("items.replayed"));
        assertEquals(single, answer.path("items[0].id"), "a key seen before answers its message");
        String second = answer.path("items[1].id");
        assertEquals(second, api().body(batch).when().post("/v1/messages/batch").then().statusCode(202).extract()
                .path("items[1].id"), "the batch again queues nothing new");

        api().body("""
                {"items":[{"idempotencyKey":"enr-3:step-1","message":%s},
                          {"idempotencyKey":"enr-2:step-1","message":%s}]}""".formatted(email("c1", "transactional"),
                email("c2", "marketing"))).when().post("/v1/messages/batch").then().statusCode(409)
                .contentType("application/problem+json").body("detail", Matchers.containsString("enr-2:step-1"));
        api().body("""
                {"items":[{"idempotencyKey":"enr-4:step-1","message":%s},
                          {"idempotencyKey":"enr-5:step-1","message":%s}]}""".formatted(email("c1", "transactional"),
                email("c2", "transactional").replace("winback", "nope"))).when().post("/v1/messages/batch").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", Matchers.equalTo("items[1].message.template"));
        assertEquals(List.of(single), api().queryParam("customerId", "c1").when().get("/v1/messages").then().statusCode(200)
                .extract().path("id"),
                "neither refused batch left a message behind");

        assertEquals(2, drain());
        assertSent(single);
        assertSent(second);
        assertEquals(2, mail().length, "one mail per key");
    }

    @Test
    void theMailArrivesOnceWithItsHeadersAndARetriedRequestSendsNothingNew() throws Exception {
        String id = send("enr-1:step-1", email("c1", "marketing"));
        assertEquals(1, drain());
        assertSent(id);
        assertEquals(id, send("enr-1:step-1", email("c1", "marketing")), "same key, same message");
        assertEquals(0, drain());

        MimeMessage[] received = mail();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals("We miss you, Ada", m.getSubject());
        assertEquals("<" + id + "@rekindle.local>", m.getMessageID());
        assertEquals("ada@example.com", m.getAllRecipients()[0].toString());
        String unsubscribe = m.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.matches("<http://localhost:8083/u/" + id + "\\.[A-Za-z0-9_-]+>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
        assertTrue(body.contains("Hello Ada, 10% off"), body);

        api().when().get("/v1/messages/" + id).then().body("history.state", Matchers.equalTo(List.of("queued", "sent")))
                .body("attribution.step", Matchers.equalTo("email-1"));
        api().when().get("/v1/messages?customerId=c1").then().body("id", Matchers.equalTo(List.of(id)));
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflictAndAMissingKeyIsRefused() {
        send("k-1", email("c1", "marketing"));
        api().header("Idempotency-Key", "k-1").body(email("c1", "transactional")).when().post("/v1/messages").then()
                .statusCode(409).contentType("application/problem+json");
        api().body(email("c1", "marketing")).when().post("/v1/messages").then().statusCode(400)
                .body("errors[0].field", Matchers.equalTo("Idempotency-Key"));
        api().header("Idempotency-Key", "k-2").body(email("c1", "marketing").replace("winback", "nope")).when()
                .post("/v1/messages").then().statusCode(400).body("errors[0].field", Matchers.equalTo("template"));
    }

    @Test
    void messagesWaitWhileSegmentServiceCannotAnswerForTheirProfilesThenGo() {
        StandIns.http.stubFor(post(urlPathEqualTo("/v1/customers/lookup")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        String id = send("enr-1:step-1", email("c1", "marketing"));
        assertEquals(1, drain());
        assertEquals("queued", state(id));
        assertEquals(0, mail().length);
        assertEquals(0, backlog(), "waiting for its retry, not due");
        StandIns.http.resetMappings();
        profile("c1", "ada@example.com", "+33612345678", "Europe/Paris", true, true, "valid");
        clock.set(MORNING.plus(Duration.ofMinutes(1)));
        assertEquals(1, drain());
        assertSent(id);
        assertEquals(1, mail().length);
        StandIns.http.verify(postRequestedFor(urlPathEqualTo("/v1/customers/lookup"))
                .withRequestBody(containing("\"customerIds\":[\"c1\"]")));
    }

    @Test
    void aTransientProviderFailureRetriesWithBackoffAndAPermanentOneIsRecordedWithTheReason() {
        template("push-hello", """
                {"channel":"push","locales":{"en":{"title":"Hi {customer.firstName}","body":"New in","link":"https://shop.example"}}}""");
        String fcm = "/v1/projects/rekindle-local/messages:send";
        StandIns.http.stubFor(post(urlPathEqualTo(fcm)).inScenario("fcm").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        StandIns.http.stubFor(post(urlPathEqualTo(fcm)).inScenario("fcm").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"projects/rekindle-local/messages/0:1\"}")));
        String push = send("p-1", """
                {"channel":"push","customerId":"c1","recipient":"device-token-1","template":"push-hello",
                 "category":"transactional"}""");
        drainOffThread();
        assertEquals("queued", state(push));
        api().when().get("/v1/messages/" + push).then().body("detail", Matchers.containsString("FCM 503"))
                .body("attempts", Matchers.equalTo(1));
        assertEquals(0, backlog(), "waiting for its retry: neither due nor in flight (a stopped clock sees quiet)");
        clock.set(MORNING.plus(Duration.ofMinutes(1)));
        drainOffThread();
        assertSent(push);
        StandIns.http.verify(postRequestedFor(urlPathEqualTo(fcm)).withRequestBody(containing("\"token\":\"device-token-1\""))
                .withHeader("Authorization", equalTo("Bearer local-fcm-token")));

        StandIns.http.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}")));
        String sms = send("p-2", """
                {"channel":"sms","customerId":"c1","template":"sms-nudge","category":"transactional",
                 "variables":{"offer":"your order shipped"}}""");
        drain();
        assertEquals("failed", state(sms));
        api().when().get("/v1/messages/" + sms).then().body("detail", Matchers.containsString("21211"));
    }

    @Test
    void aPushWithoutARecipientGoesToTheDeviceTokenOnTheProfile() {
        template("push-hello", """
                {"channel":"push","locales":{"en":{"title":"Hi {customer.firstName}","body":"New in"}}}""");
        StandIns.http.stubFor(post(urlPathEqualTo("/v1/projects/rekindle-local/messages:send")).willReturn(okJson(
                "{\"name\":\"projects/rekindle-local/messages/0:2\"}")));
        String push = send("p-token", """
                {"channel":"push","customerId":"c1","template":"push-hello","category":"marketing"}""");
        drain();
        assertSent(push);
        StandIns.http.verify(postRequestedFor(urlPathEqualTo("/v1/projects/rekindle-local/messages:send"))
                .withRequestBody(containing("\"token\":\"device-of-c1\"")));
    }

    @Test
    void aMailServerThatStallsHoldsNoSenderAndItsLateAcceptanceIsRecordedNotSentAgain() throws Exception {
        String id = send("hang-1", email("c1", "transactional"));
        StandIns.smtpRelay.hold();
        try {
            assertEquals(1, drainOffThread());
            api().when().get("/v1/messages/" + id).then().body("state", Matchers.equalTo("queued"))
                    .body("detail", Matchers.containsString("no answer within 5000 ms"))
                    .body("attempts", Matchers.equalTo(1));
            assertEquals(0, mail().length);
        } finally {
            StandIns.smtpRelay.resume(); // the mail client is still in the conversation: it goes on
        }
        for (int i = 0; i < 100 && !"sent".equals(state(id)); i++) {
            Thread.sleep(100);
        }
        assertSent(id);
        clock.set(MORNING.plus(Duration.ofMinutes(1)));
        assertEquals(0, drain(), "the retry found it accepted");
        assertEquals(1, mail().length);
        api().when().get("/v1/messages/" + id).then().body("history.state",
                Matchers.equalTo(List.of("queued", "queued", "sent")));
    }

    @Test
    void messagesClaimedByAWorkerThatDiedAreSentOnceAfterItsLeaseAndSentOnesNeverAgain() {
        for (int i = 0; i < 5; i++) {
            profile("k" + i, "k" + i + "@example.com", null, "Europe/Paris", true, false, "valid");
            send("crash-" + i, email("k" + i, "transactional"));
        }
        // A worker claims three and dies before sending them.
        assertEquals(3, store.claimDue(3, Duration.ofMinutes(2)).size());
        assertEquals(2, drain(), "the claimed ones are not anyone else's yet");
        assertEquals(2, mail().length);
        clock.set(MORNING.plus(Duration.ofMinutes(2)));
        assertEquals(3, drain());
        clock.set(MORNING.plus(Duration.ofHours(1)));
        assertEquals(0, drain());
        assertEquals(5, mail().length);
        assertEquals(5, java.util.Arrays.stream(mail()).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count());
    }
}
