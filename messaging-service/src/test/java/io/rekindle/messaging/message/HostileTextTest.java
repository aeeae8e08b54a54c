package io.rekindle.messaging.message;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.messaging.support.TestData;

/**
 * Text from strangers (names typed into a shop's sign-up form) and templates saved by key holders: neither reaches the
 * service's configuration, writes markup or headers into a mail, or gets a signed redirect on the shop's domain.
 */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class HostileTextTest {

    private static final Instant MORNING = Instant.parse("2025-06-02T08:00:00Z");
    private static final String INJECTED = "<script>alert(1)</script><a href=\"https://evil.example/reset\">Reset your"
            + " password</a>";

    @Inject
    TestData data;
    @Inject
    TestClock clock;
    @Inject
    Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        data.clear();
        clock.set(MORNING);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aTemplateReachingPastItsDataIsRefusedNamingThePartAndTheExpressionAndNothingIsStored() {
        refused("{\"subject\":\"Hi\",\"html\":\"<p>{config:['quarkus.datasource.password']}</p>\"}", "locales/en/html",
                "config:");
        refused("{\"subject\":\"{inject:mailer.toString}\",\"text\":\"x\"}", "locales/en/subject", "inject:");
        refused("{\"subject\":\"Hi\",\"text\":\"{cdi:links}\"}", "locales/en/text", "cdi:");
        refused("{\"subject\":\"Hi\",\"text\":\"{#eval customer.firstName /}\"}", "locales/en/text", "#eval");
        refused("{\"subject\":\"Hi\",\"text\":\"{#include secrets /}\"}", "locales/en/text", "#include");
        refused("{\"subject\":\"Hi\",\"text\":\"{links.keys}\"}", "locales/en/text", "{links.keys}");
        refused("{\"subject\":\"Hi\",\"html\":\"<p>{customer.firstName.raw}</p>\"}", "locales/en/html",
                "{customer.firstName.raw}");
        refused("{\"subject\":\"Hi\",\"html\":\"{#let n=vars.note}{n.safe}{/let}\"}", "locales/en/html", "{n.safe}");
        refused("{\"subject\":\"Hi\",\"html\":\"<a href=\\\"{customer.attributes.site}\\\">x</a>\"}",
                "locales/en/html", "link's target");
    }

    @Test
    void rekindlesOwnDataMayBeWrittenRawAndLinkedTo() {
        api().body("""
                {"channel":"email","locales":{"en":{"subject":"Picks","html":"{#for p in recommendations}<a href=\\"{p.url.raw}\\">{p.name}</a> {p_count}{/for} <a href=\\"{vars.surveyUrl ?: '#'}\\">survey</a>"}}}""")
                .when().put("/v1/templates/picks").then().statusCode(201);
        api().body("{}").when().post("/v1/templates/picks/preview").then().statusCode(200)
                .body("html", containsString("<a href=\"https://shop.example/p/linen-shirt\">Linen shirt</a> 1"));
    }

    @Test
    void previewEscapesCustomerTextInHtmlButNotInPlainText() {
        template("greeting", """
                {"channel":"email","locales":{"en":{"subject":"Hi {customer.firstName}","html":"<p>Hello {customer.firstName}</p>","text":"Hello {customer.firstName}"}}}""");
        api().body("{\"customer\":{\"firstName\":" + json(INJECTED) + "}}").when()
                .post("/v1/templates/greeting/preview").then().statusCode(200)
                .body("html", equalTo("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;"
                        + "https://evil.example/reset&quot;&gt;Reset your password&lt;/a&gt;</p>"))
                .body("text", equalTo("Hello " + INJECTED));
    }

    @Test
    void aStrangersNameIsEscapedInTheMailAndItsLinkIsNeitherClickableNorTracked() throws Exception {
        profile("h1", INJECTED, "h1@example.com", null, "Europe/Paris", true, false, "valid");
        template("hello", """
                {"channel":"email","locales":{"en":{"subject":"Hi","html":"<p>Hello {customer.firstName}</p><a href=\\"https://shop.example/new\\">Shop</a>","text":"Hello"}}}""");
        send("h-1", "h1");

        String html = html(deliver());
        assertTrue(html.contains("Hello &lt;script&gt;"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("href=\"https://evil.example"), html);
        List<String> tracked = trackedTargets(html);
        assertEquals(List.of("https://shop.example/new"), tracked, "only the template's own link is tracked");
    }

    @Test
    void aLineBreakInANameAddsNoHeaderAndNoMailCarriesAnEmptyCc() throws Exception {
        profile("h2", "Ada\r\nBcc: everyone@evil.example\r\n\r\n<b>body</b>", "h2@example.com", null,
                "Europe/Paris", true, false, "valid");
        template("subject", """
                {"channel":"email","locales":{"en":{"subject":"Hi {customer.firstName}","text":"Hello"}}}""");
        send("h-2", "h2");

        MimeMessage mail = deliver();
        assertNull(mail.getHeader("Bcc"), "no header of the customer's choosing");
        assertNull(mail.getHeader("Cc"), "no empty Cc header");
        assertEquals(1, mail.getAllRecipients().length);
        assertEquals("Hi Ada Bcc: everyone@evil.example <b>body</b>", mail.getSubject());
        assertEquals("Hello", GreenMailUtil.getBody(mail).strip());
    }

    @Test
    void trackedLinksExpireAndAreBoundToTheirMessage() throws Exception {
        profile("h3", "Ada", "h3@example.com", null, "Europe/Paris", true, false, "valid");
        template("shop", """
                {"channel":"email","locales":{"en":{"subject":"Hi","html":"<a href=\\"https://shop.example/new\\">Shop</a>"}}}""");
        String first = send("h-3", "h3");
        String click = trackedPaths(html(deliver())).get(0);
        String other = send("h-4", "h3");
        dispatcher.drain();

        String forOther = click.replace("/t/c/" + first + ".", "/t/c/" + other + ".");
        given().redirects().follow(false).urlEncodingEnabled(false).when().get(forOther).then().statusCode(404);
        clock.set(MORNING.plus(Duration.ofDays(89)));
        given().redirects().follow(false).urlEncodingEnabled(false).when().get(click).then().statusCode(302);
        clock.set(MORNING.plus(Duration.ofDays(91)));
        given().redirects().follow(false).urlEncodingEnabled(false).when().get(click).then().statusCode(404);
    }

    private static void refused(String content, String field, String named) {
        String body = "{\"channel\":\"email\",\"locales\":{\"en\":" + content + "}}";
        api().body(body).when().put("/v1/templates/refused").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(named)));
        api().when().get("/v1/templates/refused").then().statusCode(404);
    }

    private static String send(String key, String customer) {
        return api().header("Idempotency-Key", key).body("""
                {"channel":"email","customerId":"%s","template":"%s","category":"marketing"}
                """.formatted(customer, key.equals("h-1") ? "hello" : key.equals("h-2") ? "subject" : "shop"))
                .when().post("/v1/messages").then().statusCode(202).extract().path("id");
    }

    /**
     * Sends what is due and answers the mail it delivered. A hand-off the SMTP server did not answer within the test's
     * time limit (5 s; a cold GreenMail has been that slow) is retried later under the same Message-ID, as in
     * production: the clock moves to that retry, at most twice.
     */
    private MimeMessage deliver() {
        int before = StandIns.smtp.getReceivedMessages().length;
        dispatcher.drain();
        for (int retry = 0; retry < 2 && StandIns.smtp.getReceivedMessages().length == before; retry++) {
            clock.set(clock.instant().plus(Duration.ofMinutes(10)));
            dispatcher.drain();
        }
        MimeMessage[] all = StandIns.smtp.getReceivedMessages();
        assertTrue(all.length > before, "no mail arrived");
        return all[all.length - 1];
    }

    private static String html(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

    private static List<String> trackedPaths(String html) {
        Matcher m = Pattern.compile("href=\"http://localhost:8083(/t/c/[^\"]+)\"").matcher(html);
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1).replace("&amp;", "&"));
        }
        return paths;
    }

    private static List<String> trackedTargets(String html) {
        return trackedPaths(html).stream().map(p -> java.net.URLDecoder.decode(p.substring(p.indexOf("?url=") + 5),
                java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
