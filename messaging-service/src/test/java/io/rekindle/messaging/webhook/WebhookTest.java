package io.rekindle.messaging.webhook;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static io.rekindle.messaging.support.TestData.twilio;
import static io.rekindle.messaging.support.TestData.twilioSignature;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.platform.testing.Metrics;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.messaging.support.TestData;

/** Each provider's webhook with a valid signature, a forged one, a replayed or stale one, and a malformed body. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class WebhookTest {

    /** Test-only key pair; its public half is %test.rekindle.webhooks.sendgrid.public-key. */
    private static final String SENDGRID_PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgZs0IDcws64wUPDkBlaJFMfcsW8ilK8LJpuyuP8fiHxahRANCAAS4C31ornsybD9rWyLwkCTWuEsOs0txKTOYplvtbaDr1UHOmFaAFcsfdIJC+aeWmkkNSPpiX+aJOTJUAJ2rqbLL";
    private static final Instant NOW = Instant.parse("2025-06-02T08:00:00Z");

    @Inject
    TestData data;
    @Inject
    TestClock clock;
    @Inject
    Dispatcher dispatcher;

    private String messageId;

    @BeforeEach
    void sentOneMail() {
        data.clear();
        clock.set(NOW);
        profile("c1", "ada@example.com", "+33612345678", "Europe/Paris", true, true, "valid");
        template("hello", "{\"channel\":\"email\",\"locales\":{\"en\":{\"subject\":\"Hi\",\"text\":\"Hello\"}}}");
        messageId = api().header("Idempotency-Key", "w-1").body("""
                {"channel":"email","customerId":"c1","template":"hello","category":"marketing"}""")
                .when().post("/v1/messages").then().statusCode(202).extract().path("id");
        dispatcher.drain();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static double events(String before, String after, String provider, String result) {
        return Metrics.delta(before, after, "rekindle_webhook_events_total", "provider=\"" + provider + "\"",
                "result=\"" + result + "\"");
    }

    private static String sign(String timestamp, byte[] body) throws Exception {
        PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(SENDGRID_PRIVATE_KEY)));
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(key);
        ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
        ecdsa.update(body);
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    private static io.restassured.response.ValidatableResponse sendgrid(String timestamp, String signature, String body) {
        var request = given().header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        if (signature != null) {
            request.header("X-Twilio-Email-Event-Webhook-Signature", signature);
        }
        return request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).when()
                .post("/v1/webhooks/sendgrid").then();
    }

    @Test
    void sendgridBatchesAreVerifiedStoredOnceAndSuppressOnAHardBounce() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String body = """
                [{"email":"ada@example.com","event":"delivered","sg_event_id":"ev-1","smtp-id":"<%s@rekindle.local>","timestamp":%d},
                 {"email":"ada@example.com","event":"open","sg_event_id":"ev-2","rekindle_message_id":"%s","timestamp":%d},
                 {"email":"ada@example.com","event":"bounce","type":"bounce","status":"5.1.1","reason":"no such user","sg_event_id":"ev-3","rekindle_message_id":"%s","timestamp":%d}]\r\n"""
                .formatted(messageId, NOW.getEpochSecond(), messageId, NOW.getEpochSecond(), messageId, NOW.getEpochSecond());

        String before = Metrics.scrape();
        sendgrid(ts, sign(ts, "[]".getBytes(StandardCharsets.UTF_8)), body).statusCode(401)
                .contentType("application/problem+json");
        sendgrid(ts, null, body).statusCode(401);
        String stale = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        sendgrid(stale, sign(stale, body.getBytes(StandardCharsets.UTF_8)), body).statusCode(401);
        assertEquals(0, data.count("SELECT count(*) FROM engagement_event"), "nothing stored from refused calls");

        sendgrid(ts, sign(ts, body.getBytes(StandardCharsets.UTF_8)), body).statusCode(200)
                .body("recorded", equalTo(3));
        sendgrid(ts, sign(ts, body.getBytes(StandardCharsets.UTF_8)), body).statusCode(200)
                .body("recorded", equalTo(0));
        assertEquals(3, data.count("SELECT count(*) FROM engagement_event"));
        String after = Metrics.scrape();
        assertEquals(3, events(before, after, "sendgrid", "rejected"), "a wrong, a missing and a stale signature");
        assertEquals(3, events(before, after, "sendgrid", "accepted"));
        assertEquals(3, events(before, after, "sendgrid", "duplicate"), "the batch sent again");
        api().when().get("/v1/messages/" + messageId).then().body("state", equalTo("bounced"))
                .body("history.state", equalTo(List.of("queued", "sent", "delivered", "opened", "bounced")))
                .body("detail", containsString("hard"));
        assertEquals(3, data.count("SELECT count(*) FROM outbox WHERE destination = 'SEGMENT_EVENTS' AND payload->>'customerId' = 'c1'"));
        assertEquals(3, data.count("SELECT count(*) FROM outbox WHERE destination = 'SCENARIO_SIGNALS' AND payload->>'customerId' = 'c1'"));

        clock.set(NOW.plusSeconds(3 * 86_400));
        String next = api().header("Idempotency-Key", "w-2").body("""
                {"channel":"email","customerId":"c1","template":"hello","category":"transactional"}""")
                .when().post("/v1/messages").then().extract().path("id");
        dispatcher.drain();
        api().when().get("/v1/messages/" + next).then().body("state", equalTo("suppressed"))
                .body("detail", containsString("hard bounce"));
    }

    @Test
    void everyProviderAndResultIsPublishedBeforeAnyWebhookArrives() {
        String metrics = Metrics.scrape();
        for (String provider : List.of("sendgrid", "mailgun", "postmark", "twilio", "ses")) {
            for (String result : List.of("accepted", "duplicate", "rejected")) {
                org.junit.jupiter.api.Assertions.assertTrue(Metrics.has(metrics, "rekindle_webhook_events_total",
                        "provider=\"" + provider + "\"", "result=\"" + result + "\""), provider + " " + result);
            }
        }
    }

    @Test
    void aSignedButMalformedBatchIsA400AndStoresNothing() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String body = "[{\"event\":\"open\",\"sg_event_id\":\"ok\",\"timestamp\":1},{\"event\":\"open\"}]";
        sendgrid(ts, sign(ts, body.getBytes(StandardCharsets.UTF_8)), body).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("/1"));
        sendgrid(ts, sign(ts, "{nope".getBytes(StandardCharsets.UTF_8)), "{nope").statusCode(400);
        assertEquals(0, data.count("SELECT count(*) FROM engagement_event"));
    }

    private static String mailgun(String timestamp, String token, String key, String eventId, String event) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        return """
                {"signature":{"timestamp":"%s","token":"%s","signature":"%s"},
                 "event-data":{"id":"%s","event":"%s","timestamp":%s,"recipient":"ada@example.com",
                  "message":{"headers":{"message-id":"MID@rekindle.local"}}}}"""
                .formatted(timestamp, token, signature, eventId, event, timestamp);
    }

    @Test
    void mailgunChecksTheHmacRefusesAReplayedTokenAndRecordsAComplaint() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String valid = mailgun(ts, "token-1", "test-mailgun-signing-key", "mg-1", "complained").replace("MID", messageId);
        String before = Metrics.scrape();
        given().contentType("application/json").body(mailgun(ts, "token-1", "wrong-key", "mg-1", "complained"))
                .when().post("/v1/webhooks/mailgun").then().statusCode(401);
        given().contentType("application/json").body(valid).when().post("/v1/webhooks/mailgun").then()
                .statusCode(200).body("recorded", equalTo(1));
        given().contentType("application/json").body(valid).when().post("/v1/webhooks/mailgun").then()
                .statusCode(401).body("detail", containsString("replayed"));
        given().contentType("application/json").body("{not json").when().post("/v1/webhooks/mailgun").then()
                .statusCode(401);
        String after = Metrics.scrape();
        assertEquals(3, events(before, after, "mailgun", "rejected"), "a wrong key, a replayed token, no signature");
        assertEquals(1, events(before, after, "mailgun", "accepted"));
        api().when().get("/v1/messages/" + messageId).then().body("state", equalTo("complained"));
        assertEquals(1, data.count("SELECT count(*) FROM suppression WHERE address = 'ada@example.com' AND reason = 'complaint'"));
    }

    @Test
    void twilioStopOptsOutAtOnceStartOptsBackInAndHelpIsAnswered() {
        Map<String, List<String>> stop = new LinkedHashMap<>(Map.of("MessageSid", List.of("SMin1"), "From",
                List.of("+33612345678"), "To", List.of("+15005550006"), "Body", List.of(" stop ")));
        twilio(stop, "forged").statusCode(401);
        assertEquals(0, data.count("SELECT count(*) FROM suppression"));
        twilio(stop, twilioSignature(stop)).statusCode(200);
        assertEquals(1, data.count("SELECT count(*) FROM suppression WHERE channel = 'sms' AND address = '+33612345678'"));

        template("sms", "{\"channel\":\"sms\",\"locales\":{\"en\":{\"text\":\"Hi\"}}}");
        String sms = api().header("Idempotency-Key", "t-1").body("""
                {"channel":"sms","customerId":"c1","template":"sms","category":"transactional"}""")
                .when().post("/v1/messages").then().extract().path("id");
        dispatcher.drain();
        api().when().get("/v1/messages/" + sms).then().body("state", equalTo("suppressed"));

        Map<String, List<String>> start = new LinkedHashMap<>(stop);
        start.put("MessageSid", List.of("SMin2"));
        start.put("Body", List.of("START"));
        twilio(start, twilioSignature(start)).statusCode(200);
        assertEquals(0, data.count("SELECT count(*) FROM suppression"));

        Map<String, List<String>> help = new LinkedHashMap<>(stop);
        help.put("MessageSid", List.of("SMin3"));
        help.put("Body", List.of("HELP"));
        twilio(help, twilioSignature(help)).statusCode(200).body(containsString("Reply STOP to opt out"));
    }

    @Test
    void postmarkNeedsItsBasicAuthCredentialsAndRecordsAnOpen() {
        String open = """
                {"RecordType":"Open","ID":"pm-1","MessageID":"%s@rekindle.local","Recipient":"ada@example.com",
                 "ReceivedAt":"2025-06-02T08:00:00Z"}""".formatted(messageId);
        given().auth().preemptive().basic("postmark", "wrong").contentType("application/json").body(open)
                .when().post("/v1/webhooks/postmark").then().statusCode(401);
        given().contentType("application/json").body(open).when().post("/v1/webhooks/postmark").then().statusCode(401);
        given().auth().preemptive().basic("postmark", "test-postmark-password").contentType("application/json")
                .body(open).when().post("/v1/webhooks/postmark").then().statusCode(200).body("recorded", equalTo(1));
        given().auth().preemptive().basic("postmark", "test-postmark-password").contentType("application/json")
                .body("{\"RecordType\":\"Open\"}").when().post("/v1/webhooks/postmark").then().statusCode(400);
        api().when().get("/v1/messages/" + messageId).then().body("state", equalTo("opened"));
    }

    @Inject
    io.rekindle.platform.outbox.OutboxRelay relay;

    @Test
    void engagementReachesSegmentAndScenarioServiceThroughTheOutboxRetryingUntilAcknowledged() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String body = """
                [{"email":"ada@example.com","event":"open","sg_event_id":"ev-9","rekindle_message_id":"%s","timestamp":%d}]"""
                .formatted(messageId, NOW.getEpochSecond());
        sendgrid(ts, sign(ts, body.getBytes(StandardCharsets.UTF_8)), body).statusCode(200);

        var events = com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/events/batch");
        var signals = com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/signals");
        StandIns.http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(signals)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"new\":1}")));
        StandIns.http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(events)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        assertEquals(1, relay.relay(), "the signal goes, the event waits");
        StandIns.http.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(signals)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$[0][?(@.type == 'opened' && @.customerId == 'c1' && @.signalId == 'msg-sendgrid-ev-9')]")));
        assertEquals(1, data.count("SELECT count(*) FROM outbox WHERE attempts = 1"));
        assertEquals(0, relay.relay(), "backing off");

        StandIns.http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(events)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"stored\":1}")));
        clock.set(NOW.plusSeconds(5));
        assertEquals(1, relay.relay());
        assertEquals(0, data.count("SELECT count(*) FROM outbox"));
        StandIns.http.verify(2, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(events)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer rekindle-dev-service-key"))
                .withoutHeader("traceparent")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$[0][?(@.type == 'email_opened' && @.customerId == 'c1' && @.eventId == 'msg-sendgrid-ev-9')]")));
    }
}
