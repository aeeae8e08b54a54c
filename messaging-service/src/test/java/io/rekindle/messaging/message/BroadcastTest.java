package io.rekindle.messaging.message;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.support.StandIns;

/** The apology: one message to everyone a faulty mail reached, through the safety net, once whatever is retried. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class BroadcastTest extends SendingFixture {

    private static final String APOLOGY = """
            {"name":"Sorry for the winback mail","audience":{"template":"winback","from":"2025-06-02T07:00:00Z",
             "to":"2025-06-02T09:00:00Z"},"message":{"channel":"email","template":"apology","category":"marketing"}}""";

    @BeforeEach
    void aFaultyMailWentOut() throws Exception {
        profile("c2", "grace@example.com", null, "Europe/Paris", false, false, "valid");
        profile("c3", "linus@example.com", null, "Europe/Paris", true, false, "valid");
        template("apology", """
                {"channel":"email","locales":{"en":{"subject":"Sorry about that","text":"Please ignore our last mail."}}}""");
        // c1 got it twice, c2 once; c3 got it the next day, after the incident.
        deliver(send("w-1", faulty("c1")), send("w-2", faulty("c1")), send("w-3", faulty("c2")));
        clock.set(MORNING.plus(Duration.ofDays(1)));
        deliver(send("w-4", faulty("c3")));
        StandIns.smtp.purgeEmailFromAllMailboxes();
    }

    private static String faulty(String customer) {
        return """
                {"channel":"email","customerId":"%s","template":"winback","variables":{"offer":"100%% off"},
                 "category":"transactional"}""".formatted(customer);
    }

    @Test
    void eachRecipientInTheWindowGetsOneMessageThroughTheSafetyNet() throws MessagingException {
        String id = broadcast("incident-7", APOLOGY).statusCode(201).body("audienceSize", equalTo(2))
                .extract().path("id");

        drain();

        MimeMessage[] mail = mail();
        assertEquals(1, mail.length, "c2 has no marketing consent; c3 received the mail after the window");
        assertEquals("ada@example.com", mail[0].getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("Sorry about that", mail[0].getSubject());
        api().when().get("/v1/broadcasts/" + id).then().statusCode(200).body("name", equalTo("Sorry for the winback mail"))
                .body("messages.sent", equalTo(1)).body("messages.suppressed", equalTo(1))
                .body("messages.queued", equalTo(0)).body("queuedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRetriedRequestQueuesNothingTwiceAndAnotherBodyUnderTheKeyIsAConflict() {
        String id = broadcast("incident-8", APOLOGY).statusCode(201).extract().path("id");

        broadcast("incident-8", APOLOGY).statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id)).body("audienceSize", equalTo(2));
        drain();
        assertEquals(1, mail().length);
        broadcast("incident-8", APOLOGY.replace("Sorry for", "Apologies for")).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aBroadcastNamesWhatIsWrongWithIt() {
        List<String[]> cases = List.of(
                new String[] { APOLOGY.replace("\"template\":\"winback\",", ""), "audience" },
                new String[] { APOLOGY.replace("\"template\":\"winback\",", "\"template\":\"winback\",\"step\":\"email-1\","), "audience.step" },
                new String[] { APOLOGY.replace("2025-06-02T09:00:00Z", "2025-06-02T06:00:00Z"), "audience.to" },
                new String[] { APOLOGY.replace("\"apology\"", "\"nope\""), "message.template" });
        for (String[] c : cases) {
            broadcast("bad", c[0]).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]));
        }
        api().body(APOLOGY).when().post("/v1/broadcasts").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        io.restassured.RestAssured.given().header("Authorization", "Bearer rekindle-dev-service-key")
                .contentType("application/json").header("Idempotency-Key", "svc").body(APOLOGY)
                .when().post("/v1/broadcasts").then().statusCode(403);
        assertEquals(0, Arrays.stream(mail()).count());
    }

    private static io.restassured.response.ValidatableResponse broadcast(String key, String body) {
        return api().header("Idempotency-Key", key).body(body).when().post("/v1/broadcasts").then();
    }
}
