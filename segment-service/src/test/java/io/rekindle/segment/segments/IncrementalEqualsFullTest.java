package io.rekindle.segment.segments;

import static io.rekindle.segment.support.TestStore.api;
import static io.rekindle.segment.support.TestStore.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.segment.support.TestStore;

/**
 * A property of the membership engine on randomised stores: after any sequence of writes, the memberships kept
 * current write by write are exactly those a full recompute of every segment finds.
 */
@QuarkusTest
class IncrementalEqualsFullTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String[] EVENTS = { "email_opened", "site_visit", "product_viewed", "cart_updated",
            "checkout_started", "email_clicked" };
    private static final String[] EMAILS = { "%s@example.com", "%s@yopmail.com", "%s@gmial.com", "info@%s.shop",
            "not-an-address-%s" };

    @Inject
    TestStore store;
    @Inject
    TestClock clock;
    @Inject
    Reevaluations reevaluations;
    @Inject
    Segments segments;
    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void incrementalMembershipEqualsAFullRecompute() throws SQLException {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            store.clear();
            clock.set(NOW);
            api().body("{\"name\":\"busy recent buyers\",\"rule\":{\"all\":[{\"field\":\"orderCount\",\"op\":\">=\",\"value\":2},"
                    + "{\"event\":\"site_visit\",\"count\":2,\"within\":\"P5D\"},{\"not\":{\"field\":\"hygiene.status\",\"op\":\"=\",\"value\":\"typo\"}}]}}")
                    .when().post("/v1/segments").then().statusCode(201);
            for (int round = 0; round < 4; round++) {
                for (int w = 0; w < 25; w++) {
                    write(random, "c" + random.nextInt(40), round * 100 + w);
                }
                while (reevaluations.drainBatch() > 0) {
                    // drain everything due
                }
                List<String> incremental = memberships();
                for (SegmentView segment : segments.all()) {
                    assertEquals(0, segments.recompute(segment.id()),
                            "seed " + seed + ", round " + round + ": a full recompute changed " + segment.id());
                }
                assertEquals(incremental, memberships(), "seed " + seed + ", round " + round);
            }
            assertTrue(memberships().size() > 10, "the random store should fill some segments");
        }
    }

    @Test
    void timeAloneMovesExactlyWhomAFullRecomputeWouldMove() throws SQLException {
        for (long seed = 11; seed <= 12; seed++) {
            Random random = new Random(seed);
            store.clear();
            clock.set(NOW);
            api().body("{\"name\":\"busy recent buyers\",\"rule\":{\"all\":[{\"field\":\"orderCount\",\"op\":\">=\",\"value\":2},"
                    + "{\"event\":\"site_visit\",\"count\":2,\"within\":\"P5D\"}]}}")
                    .when().post("/v1/segments").then().statusCode(201);
            api().body("{\"name\":\"day thresholds\",\"rule\":{\"any\":[{\"field\":\"daysSinceLastOrder\",\"op\":\"=\",\"value\":45},"
                    + "{\"field\":\"overdueRatio\",\"op\":\"<\",\"value\":0.8},"
                    + "{\"field\":\"daysSinceCreated\",\"op\":\"in\",\"value\":[100,200]},"
                    + "{\"field\":\"daysSinceLastOrder\",\"op\":\">\",\"value\":20.5}]}}")
                    .when().post("/v1/segments").then().statusCode(201);
            for (int w = 0; w < 80; w++) {
                write(random, "c" + random.nextInt(40), w);
            }
            Instant at = NOW;
            for (int step = 0; step < 12; step++) {
                while (reevaluations.drainBatch() > 0) {
                    // drain everything due by now, as the scheduler would
                }
                List<String> timeDriven = memberships();
                for (SegmentView segment : segments.all()) {
                    assertEquals(0, segments.recompute(segment.id()),
                            "seed " + seed + ", " + at + ": a full recompute changed " + segment.id());
                }
                assertEquals(timeDriven, memberships(), "seed " + seed + ", " + at);
                at = at.plus(1 + random.nextInt(14 * 24 * 60), ChronoUnit.MINUTES);
                clock.set(at);
            }
        }
    }

    private static void write(Random random, String customer, int n) {
        switch (random.nextInt(3)) {
            case 0 -> api().body("{\"email\":\"%s\",\"consents\":{\"email\":%b},\"createdAt\":\"%s\"}".formatted(
                    EMAILS[random.nextInt(EMAILS.length)].formatted(customer), random.nextBoolean(),
                    NOW.minus(random.nextInt(400), ChronoUnit.DAYS))).when().put("/v1/customers/" + customer)
                    .then().statusCode(org.hamcrest.Matchers.lessThan(300));
            case 1 -> api().body("[" + order("o" + n, customer,
                    NOW.minus(random.nextInt(200 * 24), ChronoUnit.HOURS).toString(), "" + (5 + random.nextInt(95)),
                    "cat" + random.nextInt(3)) + "]").when().post("/v1/orders/batch").then().statusCode(200);
            default -> api().body("[{\"eventId\":\"e%d\",\"customerId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\"}]"
                    .formatted(n, customer, EVENTS[random.nextInt(EVENTS.length)],
                            NOW.minus(random.nextInt(10 * 24 * 60), ChronoUnit.MINUTES)))
                    .when().post("/v1/events/batch").then().statusCode(200);
        }
    }

    private List<String> memberships() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT segment_id || ':' || customer_id FROM segment_member ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
