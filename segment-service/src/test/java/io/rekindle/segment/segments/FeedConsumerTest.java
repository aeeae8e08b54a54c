package io.rekindle.segment.segments;

import static io.rekindle.segment.support.TestStore.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rekindle.segment.support.TestStore;

/**
 * A consumer that keeps nothing but its cursor, restarting after every small page while writes and two concurrent
 * re-evaluation workers keep changing the segment: it sees every change once, in an order that replays to the final
 * membership.
 */
@QuarkusTest
class FeedConsumerTest {

    @Inject
    TestStore store;
    @Inject
    Reevaluations reevaluations;

    @Test
    void aRestartedConsumerResumesFromItsCursorWithoutLossOrDuplicates() throws Exception {
        store.clear();
        String segment = api().body("{\"name\":\"VIPs\",\"rule\":{\"field\":\"attributes.vip\",\"op\":\"=\",\"value\":true}}")
                .when().post("/v1/segments").then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                Random random = new Random(7);
                for (int i = 0; i < 150; i++) {
                    api().body("{\"email\":\"c@example.com\",\"attributes\":{\"vip\":" + random.nextBoolean() + "}}")
                            .when().put("/v1/customers/c" + random.nextInt(20)).then()
                            .statusCode(org.hamcrest.Matchers.lessThan(300));
                }
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(pool.submit(() -> {
                    while (!writer.isDone() || reevaluations.backlog() > 0) {
                        reevaluations.drainBatch();
                    }
                }));
            }

            List<Long> seen = new ArrayList<>();
            List<String> replay = new ArrayList<>();
            String cursor = null;
            boolean quiet = false;
            while (!quiet) {
                boolean finished = workers.stream().allMatch(Future::isDone);
                // A fresh consumer each time: only the cursor survives.
                JsonPath page = api().when().get("/v1/segments/" + segment + "/changes?limit=7"
                        + (cursor == null ? "" : "&after=" + cursor)).then().statusCode(200).extract().jsonPath();
                List<String> cursors = page.getList("changes.cursor", String.class);
                cursors.forEach(c -> seen.add(Long.parseLong(c)));
                List<String> customers = page.getList("changes.customerId", String.class);
                List<String> kinds = page.getList("changes.kind", String.class);
                for (int i = 0; i < customers.size(); i++) {
                    replay.add(customers.get(i) + ":" + kinds.get(i));
                }
                cursor = page.getString("next");
                quiet = finished && cursors.isEmpty();
            }
            writer.get();
            for (Future<?> w : workers) {
                w.get();
            }

            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "strictly increasing cursors: " + seen);
            }
            Set<String> members = new TreeSet<>();
            for (String change : replay) {
                String[] parts = change.split(":");
                boolean changed = parts[1].equals("entered") ? members.add(parts[0]) : members.remove(parts[0]);
                assertTrue(changed, "every change is a real transition, none repeated: " + change);
            }
            Set<String> actual = new HashSet<>(api().when().get("/v1/segments/" + segment + "/members?limit=100")
                    .then().extract().jsonPath().getList("customerIds", String.class));
            assertEquals(actual, members);
            assertTrue(replay.size() > 20, "the run should produce many changes: " + replay.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
