package io.rekindle.segment.segments;

import static io.rekindle.segment.support.TestStore.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rekindle.platform.testing.TestClock;
import io.rekindle.segment.support.TestStore;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Segments saved while a bulk load is still being re-evaluated get the members an evaluation of the stored data gives,
 * and no save answers 500: before, a save could read figures a batch had not committed yet (400 customers all members
 * where 207 qualified, wrong until time moved them) or deadlock with the batch.
 */
@QuarkusTest
class SegmentSaveRaceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final List<String> RULES = List.of(
            "{\"any\":[{\"field\":\"daysSinceLastOrder\",\"op\":\">=\",\"value\":60},"
                    + "{\"not\":{\"field\":\"orderCount\",\"op\":\">=\",\"value\":2}}]}",
            "{\"field\":\"orderCount\",\"op\":\">=\",\"value\":2}",
            "{\"field\":\"daysSinceLastOrder\",\"op\":\"<\",\"value\":30}",
            "{\"field\":\"revenue\",\"op\":\">=\",\"value\":100}",
            "{\"all\":[{\"field\":\"orderCount\",\"op\":\">=\",\"value\":1},{\"field\":\"revenue\",\"op\":\"<\",\"value\":50}]}",
            "{\"not\":{\"field\":\"daysSinceLastOrder\",\"op\":\">=\",\"value\":120}}");

    @Inject
    TestStore store;
    @Inject
    TestClock clock;
    @Inject
    Reevaluations reevaluations;
    @Inject
    Segments segments;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void segmentsSavedDuringABulkReevaluationHoldExactlyTheirMembers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            for (int round = 0; round < 3; round++) {
                store.clear();
                clock.set(NOW);
                load(1_500, round);
                List<Future<Integer>> saves = new ArrayList<>();
                Future<?> draining = pool.submit(() -> {
                    while (reevaluations.drainBatch() > 0) {
                        // the poller's loop
                    }
                });
                for (String rule : RULES) {
                    saves.add(pool.submit(() -> api().body("{\"name\":\"race\",\"rule\":" + rule + "}").when()
                            .post("/v1/segments").then().extract().statusCode()));
                }
                for (Future<Integer> save : saves) {
                    assertEquals(201, save.get(), "round " + round);
                }
                draining.get();
                while (reevaluations.drainBatch() > 0) {
                    // what is left
                }
                for (SegmentView s : segments.all()) {
                    assertEquals(0, segments.recompute(s.id()), "round " + round + ": " + s.name() + " " + s.rule()
                            + " held other members than its rule gives");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Customers with 0 to 3 orders over the last half year, posted in batches as a storefront's import does. */
    private static void load(int customers, int round) {
        List<String> profiles = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String id = "r" + round + "-" + i;
            profiles.add("{\"customerId\":\"" + id + "\",\"email\":\"" + id + "@example.com\"}");
            for (int o = 0; o < i % 4; o++) {
                orders.add(TestStore.order(id + "-o" + o, id, NOW.minusSeconds(86_400L * ((i * 7L + o * 31L) % 180 + 1))
                        .toString(), Integer.toString(10 + (i * 13 + o * 7) % 90), "shoes"));
            }
        }
        for (int from = 0; from < profiles.size(); from += 1_000) {
            api().body("[" + String.join(",", profiles.subList(from, Math.min(profiles.size(), from + 1_000))) + "]")
                    .when().post("/v1/customers/batch").then().statusCode(200);
        }
        for (int from = 0; from < orders.size(); from += 1_000) {
            api().body("[" + String.join(",", orders.subList(from, Math.min(orders.size(), from + 1_000))) + "]")
                    .when().post("/v1/orders/batch").then().statusCode(200);
        }
    }
}
