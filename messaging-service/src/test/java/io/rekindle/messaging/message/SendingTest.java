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
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.messaging.support.TestClock;
import io.rekindle.messaging.support.TestData;

/** Sending through real servers: GreenMail for SMTP, WireMock for segment-service, Twilio and FCM. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class SendingTest {

    // 10:00 in Paris.
    private static final Instant MORNING = Instant.parse("2025-06-02T08:00:00Z");

    @Inject
    TestData data;
    @Inject
    TestClock clock;
    @Inject
    Dispatcher dispatcher;
    @Inject
    MessageQueue store;

    @BeforeEach
    void setUp() {
        data.clear();
        clock.set(MORNING);
        profile("c1", "ada@example.com", "+33612345678", "Europe/Paris", true, true, "valid");
        template("winback", """
                {"channel":"email","locales":{"en":{"subject":"We miss you, {customer.firstName}",
                 "html":"<p>Hello {customer.firstName}, {vars.offer}</p><a href=\\"https://shop.example/new?a=1&amp;b=2\\">Shop</a> <a href=\\"{unsubscribeUrl}\\">unsubscribe</a>",
                 "text":"Hello {customer.firstName}, {vars.offer}"}}}""");
        template("sms-nudge", """
                {"channel":"sms","locales":{"en":{"text":"Hi {customer.firstName}, {vars.offer}"}}}""");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Inject
    javax.sql.DataSource dataSource;

    private int drain() {
        return dispatcher.drain();
    }

    /** Drains the queue on a thread of its own, as the poller does (no request context, no transaction). */
    private int drainOffThread() {
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(dispatcher::drain,
                    java.util.concurrent.Executors.newSingleThreadExecutor()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String send(String key, String body) {
        return api().header("Idempotency-Key", key).body(body).when().post("/v1/messages").then().statusCode(202)
                .extract().path("id");
    }

    private static String email(String customer, String category) {
        return """
                {"channel":"email","customerId":"%s","template":"winback","variables":{"offer":"10%% off"},
                 "category":"%s","attribution":{"scenario":"s1","step":"email-1","variant":"A"}}
                """.formatted(customer, category);
    }

    private static String state(String id) {
        return api().when().get("/v1/messages/" + id).then().statusCode(200).extract().path("state");
    }

    /** The message was sent; if not, the failure shows its whole record (state history, detail). */
    private static void assertSent(String id) {
        String view = api().when().get("/v1/messages/" + id).then().statusCode(200).extract().asString();
        assertEquals("sent", io.restassured.path.json.JsonPath.from(view).getString("state"), view);
    }

    private static MimeMessage[] mail() {
        return StandIns.smtp.getReceivedMessages();
    }

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
        String metrics = given().port(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class)).when().get("/q/metrics").then().statusCode(200).extract().asString();
        var m = java.util.regex.Pattern.compile("rekindle_backlog\\{queue=\"messages\"[^}]*} (\\S+)").matcher(metrics);
        assertTrue(m.find(), metrics);
        return (long) Double.parseDouble(m.group(1));
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
    void theRecommendationsBlockShowsSegmentServicesProductsForTheCustomer() throws Exception {
        template("picks", """
                {"channel":"email","locales":{"en":{"subject":"Picked for you",
                 "text":"{#for p in recommendations}{p.name} at {p.price}; {/for}"}}}""");
        StandIns.http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/customers/c1/recommendations"))
                .withQueryParam("strategy", com.github.tomakehurst.wiremock.client.WireMock.equalTo("viewed-similar"))
                .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"customerId":"c1","strategy":"viewed-similar","basisCategory":"shoes","items":[
                         {"sku":"s-1","name":"Trail runner","category":"shoes","price":89.90,"url":"https://shop.example/p/s-1"},
                         {"sku":"s-2","name":"City sneaker","category":"shoes","price":64.00,"url":"https://shop.example/p/s-2"}]}""")));
        send("rec-1", """
                {"channel":"email","customerId":"c1","template":"picks","category":"transactional",
                 "variables":{"recommendationStrategy":"viewed-similar","recommendationCount":2}}""");
        drain();
        String text = mail()[0].getContent().toString();
        assertTrue(text.contains("Trail runner at 89.90; City sneaker at 64.00;"), text);
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
    void oneClickUnsubscribeSuppressesTheAddressBeforeAnyLaterSendAndAGetChangesNothing() throws Exception {
        String first = send("u-1", email("c1", "marketing"));
        drain();
        String link = mail()[0].getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "")
                .replace("http://localhost:8083", "");

        io.restassured.RestAssured.given().when().get(link).then().statusCode(200)
                .body(Matchers.containsString("<form method=\"post\""));
        assertEquals("sent", state(first), "a GET only asks");
        io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").when().post(link).then().statusCode(200)
                .body(Matchers.containsString("You are unsubscribed"));
        assertEquals("unsubscribed", state(first));

        clock.set(MORNING.plus(Duration.ofDays(3)));
        String later = send("u-2", email("c1", "marketing"));
        drain();
        assertEquals("suppressed", state(later));
        assertEquals(1, mail().length);

        io.restassured.RestAssured.given().when().post(link.substring(0, link.length() - 2) + "xx").then()
                .statusCode(404);
    }

    @Test
    void anAddressSuppressedThroughTheApiIsNeverMailedAndKeepsItsFirstReason() {
        api().body("{\"channel\":\"email\",\"address\":\" Ada@Example.com \",\"reason\":\"scenario:cleaning\"}")
                .when().post("/v1/suppressions").then().statusCode(200)
                .body("address", Matchers.equalTo("ada@example.com")).body("reason", Matchers.equalTo("scenario:cleaning"));
        api().body("{\"channel\":\"email\",\"address\":\"ada@example.com\",\"reason\":\"operator\"}")
                .when().post("/v1/suppressions").then().statusCode(200).body("reason", Matchers.equalTo("scenario:cleaning"));
        api().body("{\"channel\":\"fax\",\"address\":\"x\",\"reason\":\"r\"}").when().post("/v1/suppressions")
                .then().statusCode(400).contentType("application/problem+json");
        profile("ada", "ada@example.com", null, "Europe/Paris", true, false, "valid");
        String message = send("sup-1", email("ada", "marketing"));
        drain();
        assertEquals("suppressed", state(message));
        assertEquals(0, mail().length);
    }

    @Test
    void anErasedCustomerIsNeverMailedAgainAndNothingHereNamesThem() throws Exception {
        profile("erin", "erin@example.com", "+33611111111", "Europe/Paris", true, true, "valid");
        String sent = send("er-1", email("erin", "transactional"));
        drain();
        assertSent(sent);
        clock.set(MORNING.plus(Duration.ofDays(2)));
        String queued = send("er-2", email("erin", "transactional"));

        api().when().delete("/v1/customers/erin").then().statusCode(204);
        api().body("[{\"customerId\":\"erin\"}]").when().post("/v1/erasures").then().statusCode(200);
        drain();
        assertEquals("suppressed", state(queued));
        api().when().get("/v1/messages/" + queued).then().body("detail", Matchers.equalTo("customer erased"));

        profile("erin-again", "ERIN@example.com", null, "Europe/Paris", true, false, "valid");
        String later = send("er-3", email("erin-again", "transactional"));
        drain();
        assertEquals("suppressed", state(later));
        assertEquals(1, mail().length);
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("""
                SELECT (SELECT count(*) FROM message WHERE customer_id = 'erin' OR recipient ILIKE 'erin@example.com'
                            AND customer_id <> 'erin-again')
                     + (SELECT count(*) FROM suppression WHERE address ILIKE '%erin%')
                     + (SELECT count(*) FROM engagement_event WHERE customer_id = 'erin')""")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void marketingNeedsConsentAndAnUnmailableAddressIsNeverMailed() {
        profile("no-consent", "nc@example.com", null, "Europe/Paris", false, false, "valid");
        profile("yop", "x@yopmail.com", null, "Europe/Paris", true, false, "disposable");
        String marketing = send("n-1", email("no-consent", "marketing"));
        String transactional = send("n-2", email("no-consent", "transactional"));
        String disposable = send("n-3", email("yop", "marketing"));
        drain();
        assertEquals("suppressed", state(marketing));
        assertEquals("sent", state(transactional), () -> api().when().get("/v1/messages/" + transactional).asString());
        assertEquals("suppressed", state(disposable));
        api().when().get("/v1/messages/" + marketing).then().body("detail", Matchers.containsString("consent"));
        assertEquals(1, mail().length);
        // The scenario that asked is told which of its messages did not go, on the step that asked.
        assertEquals(2, data.count("SELECT count(*) FROM outbox WHERE destination = 'SCENARIO_SIGNALS' "
                + "AND payload->>'type' = 'dropped'"));
        assertEquals(1, data.count("SELECT count(*) FROM outbox WHERE payload->>'signalId' = 'dropped-" + marketing
                + "' AND payload->>'customerId' = 'no-consent' AND payload->'attribution'->>'step' = 'email-1' "
                + "AND payload->'attribution'->>'variant' = 'A' AND payload->'properties'->>'reason' LIKE '%consent%'"));
        assertEquals(1, data.count("SELECT count(*) FROM outbox WHERE payload->>'signalId' = 'dropped-" + disposable
                + "'"));
    }

    @Test
    void aTemplateNeedingAVariableTheMessageLacksFailsTheSendNamingItAndMailsNothing() {
        template("coupon", """
                {"channel":"email","locales":{"en":{"subject":"For you","text":"Your code: {vars.code}"}}}""");
        String id = send("coupon-1", """
                {"channel":"email","customerId":"c1","template":"coupon","category":"transactional",
                 "attribution":{"scenario":"s1","step":"coupon-step"}}""");
        drain();
        assertEquals("failed", state(id));
        api().when().get("/v1/messages/" + id).then().body("detail", Matchers.startsWith(
                "template did not render: Key \"code\" not found"));
        assertEquals(0, mail().length);
        assertEquals(1, data.count("SELECT count(*) FROM outbox WHERE payload->>'type' = 'dropped' "
                + "AND payload->'attribution'->>'step' = 'coupon-step' "
                + "AND payload->'properties'->>'reason' LIKE 'template did not render%'"));
    }

    @Test
    void theFrequencyCapDefersOrDropsASecondMarketingMessageWithin24Hours() {
        String first = send("f-1", email("c1", "marketing"));
        drain();
        clock.set(MORNING.plus(Duration.ofHours(2)));
        String deferred = send("f-2", email("c1", "marketing"));
        String dropped = send("f-3", email("c1", "marketing").replace("\"category\"",
                "\"whenCapped\":\"drop\",\"category\""));
        String transactional = send("f-4", email("c1", "transactional"));
        drain();
        assertSent(first);
        assertEquals("deferred", state(deferred));
        assertEquals("suppressed", state(dropped));
        assertEquals("sent", state(transactional), "transactional mail is not capped");
        api().when().get("/v1/messages/" + deferred).then().body("sendAt", Matchers.equalTo("2025-06-03T08:00:00Z"));

        clock.set(Instant.parse("2025-06-03T07:59:59Z"));
        assertEquals(0, drain());
        clock.set(Instant.parse("2025-06-03T08:00:00Z"));
        assertEquals(1, drain());
        assertSent(deferred);
        assertEquals(3, mail().length);
    }

    @Test
    void anSmsDueInQuietHoursWaitsForTheMorningInTheRecipientsTimeZone() {
        StandIns.http.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM123\",\"status\":\"queued\"}")));
        clock.set(Instant.parse("2025-06-02T21:30:00Z")); // 23:30 in Paris
        String id = send("q-1", """
                {"channel":"sms","customerId":"c1","template":"sms-nudge","variables":{"offer":"free shipping"},
                 "category":"marketing"}""");
        drain();
        assertEquals("deferred", state(id));
        api().when().get("/v1/messages/" + id).then().body("sendAt", Matchers.equalTo("2025-06-03T06:00:00Z"));
        StandIns.http.verify(0, postRequestedFor(urlPathEqualTo(
                "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json")));

        clock.set(Instant.parse("2025-06-03T06:00:00Z"));
        drain();
        assertSent(id);
        api().when().get("/v1/messages/" + id).then().body("providerMessageId", Matchers.equalTo("SM123"));
        StandIns.http.verify(1, postRequestedFor(urlPathEqualTo(
                "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"))
                .withRequestBody(containing("To=%2B33612345678"))
                .withRequestBody(containing("Body=Hi+Ada%2C+free+shipping"))
                .withHeader("Authorization", containing("Basic ")));
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

    @Test
    void theOpenPixelAndTrackedLinksRecordEngagementAndCannotBeRepointed() throws Exception {
        String id = send("t-1", email("c1", "marketing"));
        drain();
        String html = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail()[0]).replace("=\r\n", "")
                .replace("=3D", "=");
        java.util.regex.Matcher click = java.util.regex.Pattern.compile("href=\"http://localhost:8083(/t/c/[^\"]+)\"")
                .matcher(html);
        assertTrue(click.find(), html);
        String clickPath = click.group(1).replace("&amp;", "&");
        assertTrue(html.contains("/u/" + id + "."), "the unsubscribe link is not tracked");
        java.util.regex.Matcher pixel = java.util.regex.Pattern.compile("src=\"http://localhost:8083(/t/o/[^\"]+)\"")
                .matcher(html);
        assertTrue(pixel.find(), html);

        io.restassured.RestAssured.given().when().get(pixel.group(1)).then().statusCode(200).contentType("image/gif");
        assertEquals("opened", state(id));
        io.restassured.RestAssured.given().redirects().follow(false).when()
                .get(clickPath.replace("shop.example", "evil.example")).then().statusCode(404);
        io.restassured.RestAssured.given().redirects().follow(false).urlEncodingEnabled(false).when().get(clickPath)
                .then().statusCode(302).header("Location", "https://shop.example/new?a=1&b=2");
        assertEquals("clicked", state(id));
        api().when().get("/v1/messages/" + id).then().body("history.state",
                Matchers.equalTo(List.of("queued", "sent", "opened", "clicked")));
    }
}
