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

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.support.StandIns;

/** What may be sent and how: consent, suppression, erasure, unsubscribe, caps, quiet hours, template data, links. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class SendingRulesTest extends SendingFixture {

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
