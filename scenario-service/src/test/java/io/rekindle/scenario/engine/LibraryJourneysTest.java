package io.rekindle.scenario.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.rekindle.scenario.support.Journeys.customer;
import static io.rekindle.scenario.support.Journeys.enrollment;
import static io.rekindle.scenario.support.Journeys.profile;
import static io.rekindle.scenario.support.Journeys.sends;
import static io.rekindle.scenario.support.Journeys.signal;
import static io.rekindle.scenario.support.Journeys.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.scenario.trigger.SegmentEntries;

/** Library scenarios end to end on the injected clock, with the peers stood in for by a real local HTTP server. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class LibraryJourneysTest {

    private static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Engine engine;

    @Inject
    SegmentEntries segmentEntries;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
        segmentEntries.poll();
        engine.runDue();
    }

    @Test
    void reengagementAsksWhyWarnsGivesALastCallThenSuppressesAndErasesOnlyTheStillInactive() {
        Journeys.install("reengagement-cleaning");
        PeerStandIn.http.stubFor(post("/v1/surveys/why-stopped/invitations").atPriority(1).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"url\":\"https://shop.example/s/tok\"}")));
        String opener = customer("reengagement-cleaning", 10, "opener", false);
        String silent = customer("reengagement-cleaning", 10, "silent", false);
        String held = customer("reengagement-cleaning", 10, "held", true);
        for (String c : List.of(opener, silent, held)) {
            profile(c, "2025-10-01T10:00:00Z", 80);
        }
        Journeys.entered("reengagement-entry", opener, silent, held);

        at(Duration.ZERO);
        for (String c : List.of(opener, silent)) {
            assertEquals(List.of("reengage-survey"), sends(c).stream().map(Journeys::template).toList());
            assertTrue(sends(c).get(0).body().contains("\"surveyUrl\":\"https://shop.example/s/tok\""));
        }
        at(Duration.ofDays(3));
        assertEquals("reengage-while", template(sends(silent).get(1)));
        signal(opener, "opened", T0.plus(Duration.ofDays(4)).toString());
        at(Duration.ofDays(4));
        assertEquals("finished", enrollment("reengagement-cleaning", opener).getString("[0].outcome"));

        at(Duration.ofDays(18));
        assertEquals("reengage-last-call", template(sends(silent).get(2)));
        at(Duration.ofDays(25).plusHours(1));
        assertEquals("erased", enrollment("reengagement-cleaning", silent).getString("[0].outcome"));
        PeerStandIn.http.verify(1, postRequestedFor(urlEqualTo("/v1/suppressions"))
                .withRequestBody(matchingJsonPath("$.address", equalTo(silent + "@example.com"))));
        PeerStandIn.http.verify(1, deleteRequestedFor(urlEqualTo("/v1/customers/" + silent)));

        assertEquals(2, sends(opener).size(), "the opener got no last call");
        assertEquals(0, sends(held).size(), "the holdout got nothing");
        PeerStandIn.http.verify(0, postRequestedFor(urlEqualTo("/v1/surveys/why-stopped/invitations"))
                .withRequestBody(matchingJsonPath("$.customerId", equalTo(held))));
        PeerStandIn.http.verify(0, deleteRequestedFor(urlEqualTo("/v1/customers/" + held)));
        assertEquals("ended", enrollment("reengagement-cleaning", held).getString("[0].state"));
    }

    /** Runs the engine every hour of the given days, as the pollers would. */
    private void hourly(int fromDay, int toDay) {
        for (long h = fromDay * 24L; h <= toDay * 24L; h++) {
            at(Duration.ofHours(h));
        }
    }

    private static List<String> templates(String customerId) {
        return sends(customerId).stream().map(Journeys::template).toList();
    }

    @Test
    void lastChanceWinsTheBuyerSparesTheAnswererAndSuppressesTheSilent() {
        Journeys.install("last-chance");
        PeerStandIn.http.stubFor(post("/v1/surveys/why-stopped/invitations").atPriority(1).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"url\":\"https://s/t\"}")));
        String buyer = customer("last-chance", 10, "lc-buyer", false);
        String answerer = customer("last-chance", 10, "lc-answerer", false);
        String silent = customer("last-chance", 10, "lc-silent", false);
        for (String c : List.of(buyer, answerer, silent)) {
            profile(c, "2026-03-01T10:00:00Z", 200);
        }
        Journeys.entered("past-own-interval", buyer, answerer, silent);
        at(Duration.ZERO);
        for (String c : List.of(buyer, answerer, silent)) {
            assertEquals(List.of("last-chance-offer"), templates(c));
        }
        profile(buyer, T0.plus(Duration.ofDays(5)).toString(), 260);
        signal(answerer, "survey_answered", T0.plus(Duration.ofDays(3)).toString());
        hourly(1, 15);
        assertEquals("won_back", enrollment("last-chance", buyer).getString("[0].outcome"));
        assertEquals(60.0f, enrollment("last-chance", buyer).getFloat("[0].revenue"));
        assertEquals("finished", enrollment("last-chance", answerer).getString("[0].outcome"));
        assertEquals("finished", enrollment("last-chance", silent).getString("[0].outcome"));
        PeerStandIn.http.verify(1, postRequestedFor(urlEqualTo("/v1/suppressions"))
                .withRequestBody(matchingJsonPath("$.address", equalTo(silent + "@example.com"))));
        PeerStandIn.http.verify(0, postRequestedFor(urlEqualTo("/v1/suppressions"))
                .withRequestBody(matchingJsonPath("$.address", equalTo(answerer + "@example.com"))));
    }

    @Test
    void lapsedBuyersGetPicksThenANewSubjectOrTheSurveyThenAPushOrAnSmsWhereConsentedAndAGoodbye() {
        Journeys.install("lapsed-recommendations");
        PeerStandIn.http.stubFor(post("/v1/surveys/why-stopped/invitations").atPriority(1).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"url\":\"https://s/t\"}")));
        String closed = customer("lapsed-recommendations", 10, "lr-closed", false);
        String opener = customer("lapsed-recommendations", 10, "lr-opener", false);
        String unreachable = customer("lapsed-recommendations", 10, "lr-email-only", false);
        profile(closed, "2026-02-01T10:00:00Z", 90,
                "\"pushToken\":\"device-1\",\"consents\":{\"push\":{\"granted\":true},\"sms\":{\"granted\":true}},");
        profile(opener, "2026-02-01T10:00:00Z", 90,
                "\"phone\":\"+33612345678\",\"consents\":{\"push\":{\"granted\":true},\"sms\":{\"granted\":true}},");
        // A device but no consent to push, a number but no consent to SMS: neither is used.
        profile(unreachable, "2026-02-01T10:00:00Z", 90, "\"pushToken\":\"device-3\",\"phone\":\"+33612345679\",");
        Journeys.entered("past-predicted-next-order", closed, opener, unreachable);
        at(Duration.ZERO);
        signal(opener, "opened", T0.plus(Duration.ofHours(5)).toString());
        hourly(0, 14);
        assertEquals(List.of("lapsed-picks", "lapsed-picks", "lapsed-push", "lapsed-goodbye"), templates(closed));
        assertTrue(sends(closed).get(1).body().contains("\"subject\":\"Still thinking about it?\""));
        assertEquals(List.of("lapsed-picks", "reengage-survey", "lapsed-sms", "lapsed-goodbye"), templates(opener));
        assertEquals(List.of("lapsed-picks", "lapsed-picks", "lapsed-goodbye"), templates(unreachable));
    }

    @Test
    void browseAbandonmentShowsSimilarStylesOnceAndCountsALaterPurchaseAsWon() {
        Journeys.install("browse-abandonment");
        String browser = customer("browse-abandonment", 10, "ba", false);
        profile(browser, "2026-05-01T10:00:00Z", 50);
        Journeys.entered("browse-no-purchase-14d", browser);
        at(Duration.ZERO);
        assertEquals(List.of("browse-similar"), templates(browser));
        assertTrue(sends(browser).get(0).body().contains("\"freeShipping\":true"));
        profile(browser, T0.plus(Duration.ofDays(2)).toString(), 85);
        hourly(1, 8);
        assertEquals("won_back", enrollment("browse-abandonment", browser).getString("[0].outcome"));
        assertEquals(1, sends(browser).size());
    }

    @Test
    void aScheduleTriggerEntersTheSegmentsMembersOnceADayAtItsTime() {
        Journeys.install("cart-abandonment");
        io.restassured.RestAssured.given().header("Authorization", "Bearer rekindle-dev-key")
                .contentType(io.restassured.http.ContentType.JSON).body("""
                {"name":"daily digest","trigger":{"type":"schedule","segment":"weekly-vips","at":"09:00"},
                 "entry":{"reentryAfterDays":0},
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"t","category":"transactional"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201);
        PeerStandIn.http.stubFor(get(urlPathEqualTo("/v1/segments/weekly-vips/members")).withQueryParam("after", absent()).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"customerIds\":[\"vip-a\",\"vip-b\"],\"next\":\"vip-b\"}")));
        PeerStandIn.http.stubFor(get(urlPathEqualTo("/v1/segments/weekly-vips/members")).withQueryParam("after", equalTo("vip-b")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"customerIds\":[],\"next\":null}")));
        profile("vip-a", null, 0);
        profile("vip-b", null, 0);

        at(Duration.ofMinutes(59));
        assertEquals(0, sends("vip-a").size(), "not before 09:00");
        at(Duration.ofHours(1));
        at(Duration.ofHours(2));
        assertEquals(1, sends("vip-a").size());
        assertEquals(1, sends("vip-b").size());
        at(Duration.ofHours(25));
        assertEquals(2, sends("vip-a").size(), "the next day, once more");
    }
}
