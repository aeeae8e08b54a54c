package io.rekindle.scenario.trigger;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rekindle.platform.testing.Metrics;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.rekindle.platform.testing.TestClock;

@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class SegmentEntriesTest {

    private static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    SegmentEntries entries;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDailyEntryLimitLetsTheRestInOnTheFollowingDaysInTheOrderTheyEnteredTheSegment() {
        PeerStandIn.reset();
        clock.set(T0);
        List<String> customers = List.of("r1", "r2", "r3", "r4", "r5");
        customers.forEach(c -> Journeys.profile(c, "2026-01-01T10:00:00Z", 50));
        feed("ramp", customers);
        String id = given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"ramp","trigger":{"type":"segment","segment":"ramp"},"entry":{"maxPerDay":2},
                 "holdoutPercent":0,"steps":[{"id":"rest","type":"wait","duration":"P30D","next":"end"},
                 {"id":"end","type":"exit"}]}""").when().post("/v1/scenarios").then().statusCode(201).extract().path("id");

        assertEquals(2, entries.poll());
        assertEquals(0, entries.poll(), "the day is full");
        clock.set(T0.plus(Duration.ofDays(1)));
        assertEquals(2, entries.poll());
        clock.set(T0.plus(Duration.ofDays(2)));
        assertEquals(1, entries.poll());
        assertEquals(0, entries.poll());

        List<String> enteredOn = customers.stream().map(c -> given().header("Authorization", "Bearer rekindle-dev-key")
                .when().get("/v1/scenarios/" + id + "/enrollments?customerId=" + c).then().statusCode(200).extract()
                .jsonPath().getString("[0].enteredAt").substring(0, 10)).toList();
        assertEquals(List.of("2026-07-01", "2026-07-01", "2026-07-02", "2026-07-02", "2026-07-03"), enteredOn);
    }

    @Test
    void anEntryStampedAheadOfThisClockWaitsUntilTheClockIsThere() {
        PeerStandIn.reset();
        // The feed's entries are stamped 07:00 (segment-service's clock ran ahead).
        clock.set(Instant.parse("2026-07-01T06:59:59Z"));
        Journeys.profile("early", "2026-01-01T10:00:00Z", 50);
        feed("ahead", List.of("early"));
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"ahead","trigger":{"type":"segment","segment":"ahead"},"holdoutPercent":0,
                 "steps":[{"id":"rest","type":"wait","duration":"P30D","next":"end"},{"id":"end","type":"exit"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201);

        assertEquals(0, entries.poll());
        assertEquals(0, Metrics.sample(Metrics.scrape(), "rekindle_feed_lag_seconds_count", "segment=\"ahead\""),
                "a change not acted on yet has no lag to show");
        clock.set(Instant.parse("2026-07-01T07:00:30Z"));
        assertEquals(1, entries.poll());
        String metrics = Metrics.scrape();
        assertEquals(1, Metrics.sample(metrics, "rekindle_feed_lag_seconds_count", "segment=\"ahead\""));
        assertEquals(30, Metrics.sample(metrics, "rekindle_feed_lag_seconds_sum", "segment=\"ahead\""), 0.001,
                "stamped 07:00:00, acted on at 07:00:30");
    }

    @Test
    void aMovedClockCountsTheFeedAsBacklogUntilItIsReadAgain() {
        PeerStandIn.reset();
        clock.set(T0);
        entries.poll();
        assertEquals(0, feedBacklog());
        clock.set(T0.plus(Duration.ofDays(1)));
        assertEquals(1, feedBacklog(), "the new day's entries may be waiting in the feed");
        entries.poll();
        assertEquals(0, feedBacklog());
    }

    private static long feedBacklog() {
        return Metrics.backlog("feed");
    }

    /** segment-service's change feed: these customers entered, one change each (cursors 1..n), read from any cursor. */
    private static void feed(String segment, List<String> customers) {
        for (int after = 0; after <= customers.size(); after++) {
            int from = after;
            String changes = IntStream.range(from, customers.size()).mapToObj(i -> """
                    {"cursor":"%d","segmentId":"%s","customerId":"%s","kind":"entered","at":"2026-07-01T07:00:00Z"}"""
                    .formatted(i + 1, segment, customers.get(i))).collect(Collectors.joining(","));
            PeerStandIn.http.stubFor(get(urlPathEqualTo("/v1/segments/" + segment + "/changes"))
                    .withQueryParam("limit", equalTo("500"))
                    .withQueryParam("after", after == 0 ? absent() : equalTo(Integer.toString(after)))
                    .atPriority(1).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"changes\":[" + changes + "],\"next\":\"" + Math.max(after, customers.size()) + "\"}")));
        }
    }
}
