package io.rekindle.messaging.privacy;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.messaging.support.TestData;

/** What an erasure used to leave behind: suppressions made by address alone, and what providers say afterwards. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class ErasureLeftoversTest {

    private static final Instant NOW = Instant.parse("2025-06-02T08:00:00Z");

    @Inject
    TestData data;
    @Inject
    TestClock clock;
    @Inject
    Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        data.clear();
        clock.set(NOW);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void suppressionsMadeByAddressAloneGoWithTheErasureAndAreNotStoredAgain() {
        stop("SMin-1", "+33699999999");
        api().body("{\"channel\":\"email\",\"address\":\"Vera@Example.com\",\"reason\":\"asked by phone\"}").when()
                .post("/v1/suppressions").then().statusCode(200);
        assertEquals(2, data.count("SELECT count(*) FROM suppression"), () -> data.rows("SELECT * FROM suppression"));

        api().body("[{\"customerId\":\"vera\",\"addressHashes\":{\"email\":\"" + hash("vera@example.com")
                + "\",\"sms\":\"" + hash("+33699999999") + "\"}}]").when().post("/v1/erasures").then().statusCode(200);

        assertEquals(0, data.count("SELECT count(*) FROM suppression"), () -> data.rows("SELECT * FROM suppression"));
        assertEquals(2, data.count("SELECT count(*) FROM erased_address"));
        stop("SMin-2", "+33699999999");
        api().body("{\"channel\":\"email\",\"address\":\"vera@example.com\",\"reason\":\"again\"}").when()
                .post("/v1/suppressions").then().statusCode(200);
        assertEquals(0, data.count("SELECT count(*) FROM suppression"), () -> data.rows("SELECT * FROM suppression"));
        assertEquals(0, data.count("SELECT count(*) FROM engagement_event WHERE address IS NOT NULL"));

        // And nothing goes to the address any more.
        profile("vera-again", "vera@example.com", null, "Europe/Paris", true, false, "valid");
        template("note", "{\"channel\":\"email\",\"locales\":{\"en\":{\"subject\":\"Hi\",\"text\":\"Hi\"}}}");
        String id = api().header("Idempotency-Key", "v-1").body("""
                {"channel":"email","customerId":"vera-again","template":"note","category":"transactional"}""")
                .when().post("/v1/messages").then().statusCode(202).extract().path("id");
        dispatcher.drain();
        api().when().get("/v1/messages/" + id).then().body("state", org.hamcrest.Matchers.equalTo("suppressed"));
    }

    @Test
    void whatAProviderSaysAfterAnErasureIsStoredWithoutTheAddressAndGoesNowhere() {
        profile("ada", "ada@example.com", null, "Europe/Paris", true, false, "valid");
        template("note", "{\"channel\":\"email\",\"locales\":{\"en\":{\"subject\":\"Hi\",\"text\":\"Hi\"}}}");
        String id = api().header("Idempotency-Key", "a-1").body("""
                {"channel":"email","customerId":"ada","template":"note","category":"marketing"}""")
                .when().post("/v1/messages").then().statusCode(202).extract().path("id");
        dispatcher.drain();
        api().body("[{\"customerId\":\"ada\"}]").when().post("/v1/erasures").then().statusCode(200);
        long outboxBefore = data.count("SELECT count(*) FROM outbox");

        String bounce = """
                {"RecordType":"Bounce","ID":"pm-b1","Type":"HardBounce","MessageID":"%s@rekindle.local",
                 "Email":"ada@example.com","Description":"no such user","BouncedAt":"2025-06-03T08:00:00Z"}"""
                .formatted(id);
        given().auth().preemptive().basic("postmark", "test-postmark-password").contentType("application/json")
                .body(bounce).when().post("/v1/webhooks/postmark").then().statusCode(200);

        assertEquals(1, data.count("SELECT count(*) FROM engagement_event WHERE provider = 'postmark'"));
        assertEquals(0, data.count("SELECT count(*) FROM engagement_event WHERE address IS NOT NULL OR detail IS NOT NULL"
                + " OR customer_id = 'ada'"));
        assertEquals(0, data.count("SELECT count(*) FROM suppression"), "the hash on the erased list suffices");
        assertEquals(outboxBefore, data.count("SELECT count(*) FROM outbox"), "nothing about ada goes to the others");
    }

    private static void stop(String sid, String from) {
        Map<String, List<String>> form = new LinkedHashMap<>(Map.of("MessageSid", List.of(sid), "From", List.of(from),
                "To", List.of("+15005550006"), "Body", List.of("STOP")));
        TestData.twilio(form, TestData.twilioSignature(form)).statusCode(200);
    }

    /** As segment-service computes it, with the test salt both services share. */
    private static String hash(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("rekindle-dev-salt|" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
