package io.rekindle.messaging.message;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.messaging.support.TestData;

/**
 * What the sending tests share: real servers (GreenMail for SMTP, WireMock for segment-service, Twilio and FCM), a
 * clock at 10:00 in Paris, a customer and two templates, and the calls that send, drain and read back.
 */
abstract class SendingFixture {

    // 10:00 in Paris.
    static final Instant MORNING = Instant.parse("2025-06-02T08:00:00Z");

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

    int drain() {
        return dispatcher.drain();
    }

    /** Drains the queue on a thread of its own, as the poller does (no request context, no transaction). */
    int drainOffThread() {
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(dispatcher::drain,
                    java.util.concurrent.Executors.newSingleThreadExecutor()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drains until these messages are sent, moving the clock past the first retry (30 s) when a hand-off failed for a
     * passing reason (a pooled SMTP connection the server had dropped, a slow answer on a loaded machine), as the
     * poller would; fails with the message's record when one is still not sent after three rounds.
     */
    void deliver(String... ids) {
        drain();
        for (int round = 0; round < 3 && !java.util.Arrays.stream(ids).allMatch(id -> "sent".equals(state(id)));
                round++) {
            clock.set(clock.instant().plusSeconds(31));
            drain();
        }
        for (String id : ids) {
            assertSent(id);
        }
    }

    static String send(String key, String body) {
        return api().header("Idempotency-Key", key).body(body).when().post("/v1/messages").then().statusCode(202)
                .extract().path("id");
    }

    static String email(String customer, String category) {
        return """
                {"channel":"email","customerId":"%s","template":"winback","variables":{"offer":"10%% off"},
                 "category":"%s","attribution":{"scenario":"s1","step":"email-1","variant":"A"}}
                """.formatted(customer, category);
    }

    static String state(String id) {
        return api().when().get("/v1/messages/" + id).then().statusCode(200).extract().path("state");
    }

    /** The message was sent; if not, the failure shows its whole record (state history, detail). */
    static void assertSent(String id) {
        String view = api().when().get("/v1/messages/" + id).then().statusCode(200).extract().asString();
        assertEquals("sent", io.restassured.path.json.JsonPath.from(view).getString("state"), view);
    }

    static MimeMessage[] mail() {
        return StandIns.smtp.getReceivedMessages();
    }
}
