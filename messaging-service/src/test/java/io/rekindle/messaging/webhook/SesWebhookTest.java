package io.rekindle.messaging.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.messaging.support.TestData;

/**
 * Amazon SES through SNS: signed with a test key whose certificate the local stand-in serves at the SNS certificate
 * URL's path. A valid notification, a forged one, a replayed one, an unknown topic, a certificate from elsewhere, a
 * stale one, a malformed SES body, and a subscription confirmation.
 */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class SesWebhookTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:rekindle-ses";
    private static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    TestClock clock;
    @Inject
    Dispatcher dispatcher;

    private Instant now;
    private String messageId;

    @BeforeEach
    void sentOneMail() throws Exception {
        data.clear();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        StandIns.http.stubFor(get(urlPathEqualTo("/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem")).willReturn(aResponse()
                .withBody(Files.readAllBytes(Path.of("src/test/resources/sns/cert.pem")))));
        profile("c1", "ada@example.com", null, "Europe/Paris", true, false, "valid");
        template("hello", "{\"channel\":\"email\",\"locales\":{\"en\":{\"subject\":\"Hi\",\"text\":\"Hello\"}}}");
        messageId = api().header("Idempotency-Key", "ses-1").body("""
                {"channel":"email","customerId":"c1","template":"hello","category":"marketing"}""")
                .when().post("/v1/messages").then().statusCode(202).extract().path("id");
        dispatcher.drain();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSignedHardBounceIsRecordedOnceAndSuppressesTheAddress() throws Exception {
        String bounce = notification("n-1", sesBounce("Permanent", "5.1.1"), now);
        post(bounce).statusCode(200).body("received", equalTo(1)).body("recorded", equalTo(1));
        post(bounce).statusCode(200).body("recorded", equalTo(0));
        api().when().get("/v1/messages/" + messageId).then().body("state", equalTo("bounced"));
        assertEquals(1, data.count("SELECT count(*) FROM suppression WHERE address = 'ada@example.com'"));
    }

    @Test
    void forgedUnknownTopicForeignCertificateAndStaleAreRefusedAndChangeNothing() throws Exception {
        ObjectNode forged = (ObjectNode) JSON.readTree(notification("n-2", sesBounce("Permanent", "5.1.1"), now));
        forged.put("Message", sesBounce("Transient", "4.2.2"));
        post(forged.toString()).statusCode(401).contentType("application/problem+json");
        post(notification("n-3", sesBounce("Permanent", "5.1.1"), now, "arn:aws:sns:eu-west-1:999:other",
                CERT_URL)).statusCode(401);
        post(notification("n-4", sesBounce("Permanent", "5.1.1"), now, TOPIC,
                "https://evil.example/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem")).statusCode(401);
        post(notification("n-5", sesBounce("Permanent", "5.1.1"), now.minusSeconds(301))).statusCode(401);
        post("not json").statusCode(401);
        assertEquals(0, data.count("SELECT count(*) FROM engagement_event"));
        assertEquals(0, data.count("SELECT count(*) FROM suppression"));
    }

    @Test
    void aSignedBodyThatIsNotAnSesEventIs400() throws Exception {
        post(notification("n-6", "{\"hello\":\"world\"}", now)).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Message"));
        assertEquals(0, data.count("SELECT count(*) FROM engagement_event"));
    }

    @Test
    void aSubscriptionConfirmationIsConfirmedAtItsSubscribeUrl() throws Exception {
        StandIns.http.stubFor(get(urlEqualTo("/?Action=ConfirmSubscription&Token=tok-1")).willReturn(aResponse()
                .withStatus(200)));
        ObjectNode confirmation = JSON.createObjectNode().put("Type", "SubscriptionConfirmation")
                .put("MessageId", "s-1").put("Token", "tok-1").put("TopicArn", TOPIC)
                .put("Message", "You have chosen to subscribe to the topic.")
                .put("SubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=tok-1")
                .put("Timestamp", now.toString()).put("SignatureVersion", "2").put("SigningCertURL", CERT_URL);
        confirmation.put("Signature", sign(new SnsMessage(confirmation).stringToSign()));
        post(confirmation.toString()).statusCode(200);
        StandIns.http.verify(1, getRequestedFor(urlEqualTo("/?Action=ConfirmSubscription&Token=tok-1")));
    }

    private String sesBounce(String type, String status) {
        return """
                {"eventType":"Bounce","mail":{"messageId":"ses-0001","destination":["ada@example.com"],
                 "commonHeaders":{"messageId":"<%s@rekindle.local>"}},
                 "bounce":{"bounceType":"%s","timestamp":"%s","feedbackId":"fb-1",
                 "bouncedRecipients":[{"emailAddress":"ada@example.com","status":"%s","diagnosticCode":"smtp; 550 no such user"}]}}"""
                .formatted(messageId, type, now, status);
    }

    private String notification(String id, String message, Instant at) throws Exception {
        return notification(id, message, at, TOPIC, CERT_URL);
    }

    private String notification(String id, String message, Instant at, String topic, String certUrl) throws Exception {
        ObjectNode n = JSON.createObjectNode().put("Type", "Notification").put("MessageId", id).put("TopicArn", topic)
                .put("Message", message).put("Timestamp", at.toString()).put("SignatureVersion", "2")
                .put("SigningCertURL", certUrl);
        n.put("Signature", sign(new SnsMessage(n).stringToSign()));
        return n.toString();
    }

    private static String sign(String text) throws Exception {
        String pem = Files.readString(Path.of("src/test/resources/sns/key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(pem)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(rsa.sign());
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType("text/plain; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8)).when()
                .post("/v1/webhooks/ses").then();
    }

}
