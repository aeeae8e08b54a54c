package io.rekindle.messaging.message;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.Color;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.Browser;
import io.restassured.path.json.JsonPath;
import io.rekindle.messaging.support.StandIns;

/**
 * The base's health week by week: the fate of marketing email from the provider's own events, the list from
 * segment-service's weekly record, the weeks a cleaning scenario sent mail marked, the open rate before and since;
 * the page in Debian's headless Chromium, its screenshot in target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class HealthReportTest extends SendingFixture {

    private static final Instant WEEK_2 = MORNING.plus(Duration.ofDays(7));
    private static final Instant WEEK_3 = MORNING.plus(Duration.ofDays(14));

    private String marketing(String customer, String scenario) {
        String id = send("health-" + customer + "-" + scenario + "-" + clock.instant(), """
                {"channel":"email","customerId":"%s","template":"winback","variables":{"offer":"10%% off"},
                 "category":"marketing","attribution":{"scenario":"%s","step":"email-1"}}"""
                .formatted(customer, scenario));
        drain();
        assertSent(id);
        return id;
    }

    private static void postmark(String record, String messageId, String at, String extra) {
        given().auth().preemptive().basic("postmark", "test-postmark-password").contentType("application/json")
                .body("""
                        {"RecordType":"%s","ID":"%s-%s","MessageID":"%s@rekindle.local","Recipient":"x@example.com",
                         "ReceivedAt":"%s","BouncedAt":"%s"%s}""".formatted(record, record, messageId, messageId, at, at,
                        extra)).when().post("/v1/webhooks/postmark").then().statusCode(200);
    }

    private static void segmentRecords(String body) {
        StandIns.http.stubFor(get(urlPathEqualTo("/v1/analytics/base-health")).willReturn(okJson(body)));
    }

    private static Map<String, Object> week(JsonPath report, String weekStart) {
        List<Map<String, Object>> weeks = report.getList("weeks");
        return weeks.stream().filter(w -> weekStart.equals(w.get("weekStart"))).findFirst().orElseThrow();
    }

    private static double number(Map<String, Object> week, String name) {
        return ((Number) week.get(name)).doubleValue();
    }

    private void threeWeeks() {
        for (String c : List.of("h1", "h2", "h3", "h4")) {
            profile(c, c + "@example.com", null, "Europe/Paris", true, false, "valid");
        }
        String opened = marketing("h1", "s1");
        String bounced = marketing("h2", "s1");
        marketing("h3", "s1");
        marketing("h4", "s1");
        postmark("Open", opened, "2025-06-02T09:00:00Z", "");
        postmark("Bounce", bounced, "2025-06-02T09:00:00Z", ",\"Type\":\"HardBounce\"");

        clock.set(WEEK_2);
        marketing("h1", "reengagement-cleaning");
        marketing("h3", "reengagement-cleaning");

        clock.set(WEEK_3);
        String clicked = marketing("h1", "s1");
        String openedLater = marketing("h3", "s1");
        postmark("Click", clicked, "2025-06-16T09:00:00Z", "");
        postmark("Open", openedLater, "2025-06-16T09:00:00Z", "");
        postmark("SpamComplaint", openedLater, "2025-06-16T10:00:00Z", "");
    }

    @Test
    void eachWeekShowsWhatBecameOfItsMailAndTheListBesideIt() {
        segmentRecords("""
                {"weeks":[{"weekStart":"2025-06-02","day":"2025-06-08","customers":1000,"reachable":900,"inactive":300,
                  "dirty":40,"erasedTotal":0,"inactiveShare":0.3},
                 {"weekStart":"2025-06-16","day":"2025-06-16","customers":880,"reachable":850,"inactive":180,
                  "dirty":10,"erasedTotal":120,"inactiveShare":0.2045}]}""");
        threeWeeks();

        JsonPath report = api().when().get("/v1/analytics/health").then().statusCode(200).extract().jsonPath();
        assertTrue(report.getBoolean("baseAvailable"));
        Map<String, Object> first = week(report, "2025-06-02");
        assertEquals(4, number(first, "sent"));
        assertEquals(3, number(first, "delivered"));
        assertEquals(1.0 / 3, number(first, "openRate"), 1e-6);
        assertEquals(0.25, number(first, "bounceRate"), 1e-6);
        assertEquals(1, number(first, "suppressed"), "the hard bounce suppressed its address");
        assertFalse((Boolean) first.get("cleaning"));
        assertEquals(1000, ((Map<?, ?>) first.get("base")).get("customers"));

        Map<String, Object> second = week(report, "2025-06-09");
        assertTrue((Boolean) second.get("cleaning"));
        assertNull(second.get("base"), "segment-service kept no record that week");

        Map<String, Object> third = week(report, "2025-06-16");
        assertEquals(1.0, number(third, "openRate"), 1e-6, "a click counts as an open");
        assertEquals(0.5, number(third, "clickRate"), 1e-6);
        assertEquals(0.5, number(third, "complaintRate"), 1e-6);
        assertEquals("2025-06-16", report.getList("weeks.weekStart").get(report.getList("weeks").size() - 1),
                "the current week last");

        assertEquals("2025-06-09", report.getString("cleaning.firstCleaningWeek"));
        assertEquals(1.0 / 3, report.getDouble("cleaning.openRateBefore"), 1e-6);
        assertEquals(3, report.getInt("cleaning.deliveredBefore"));
        assertEquals(1.0, report.getDouble("cleaning.openRateSince"), 1e-6);
        assertEquals(2, report.getInt("cleaning.deliveredSince"));
    }

    @Test
    void withoutSegmentServiceTheMailFiguresStillShowAndOnlyAdminKeysRead() {
        StandIns.http.stubFor(get(urlPathEqualTo("/v1/analytics/base-health"))
                .willReturn(aResponse().withStatus(503)));
        threeWeeks();

        JsonPath report = api().when().get("/v1/analytics/health").then().statusCode(200).extract().jsonPath();
        assertFalse(report.getBoolean("baseAvailable"));
        assertEquals(4, number(week(report, "2025-06-02"), "sent"));
        given().header("Authorization", "Bearer rekindle-dev-storefront-key").when().get("/v1/analytics/health")
                .then().statusCode(403);
        given().header("Authorization", "Bearer rekindle-dev-key").when().get("/v1/analytics/health.html").then()
                .statusCode(200).contentType("text/html");
    }

    @TestHTTPResource("/v1/analytics/health.html")
    URL page;

    @Test
    void thePageChartsEveryWeekAndMarksTheCleaningWeek() {
        segmentRecords("""
                {"weeks":[{"weekStart":"2025-06-02","day":"2025-06-08","customers":1000,"reachable":900,"inactive":300,
                  "dirty":40,"erasedTotal":0,"inactiveShare":0.3}]}""");
        threeWeeks();

        try (Browser browser = Browser.open(1400, 1200).sendingHeader("Authorization", "Bearer rekindle-dev-key")) {
            browser.driver().get(page.toString());
            browser.screenshot("base-health.png");
            assertEquals("Base health", browser.driver().findElement(By.tagName("h1")).getText());
            List<WebElement> bars = browser.driver().findElements(By.cssSelector("#open-rate rect:not(.band)"));
            assertEquals(1, browser.driver().findElements(By.cssSelector("#open-rate rect.band")).size(),
                    "the cleaning week is shaded even where its bar is empty");
            assertEquals(26, bars.size(), "a bar per week shown (rekindle.health.weeks)");
            assertEquals(List.of("week of 2025-06-09: 0.0%"), browser.driver()
                    .findElements(By.cssSelector("#open-rate rect.cleaning")).stream()
                    .map(bar -> bar.findElement(By.tagName("title")).getAttribute("textContent")).toList());
            assertEquals("120.0", bars.get(25).getAttribute("height"), "the current week's 100% is the tallest");
            assertEquals("40.0", bars.get(23).getAttribute("height"), "a third of it two weeks before");
            assertEquals(Color.fromString("rgb(200, 85, 61)"),
                    Color.fromString(bars.get(24).getCssValue("fill")), "the cleaning week stands out");
            String comparison = browser.driver().findElement(By.id("comparison")).getText();
            assertTrue(comparison.contains("33.3% of 3 delivered") && comparison.contains("100.0% of 2 delivered"),
                    comparison);
            assertEquals(1, browser.driver().findElements(By.cssSelector("#customers rect[height='120.0']")).size(),
                    "the list's size where segment-service kept a record");
        }
    }
}
