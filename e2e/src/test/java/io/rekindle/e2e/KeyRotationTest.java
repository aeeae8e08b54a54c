package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The documented rotation of the service keys on a running suite, one rolling restart of every service per step:
 * "old,new" (accept both, present the old), "new,old" (present the new), "new". After every single restart the
 * services still reach each other: a journey's send goes to messaging-service, and segment-service's outbox (an
 * erasure to three services, a purchase signal) drains to zero. Before peers presented only the first key, each
 * presented "Bearer new,old" and every peer answered 401.
 */
class KeyRotationTest {

    private static final String OLD = "e2e-service-key-before-rotation";
    private static final String NEW = "e2e-service-key-after-the-rotation";

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    static Path runDir;

    static FourServices suite;
    static String scenarioId;
    static int round;

    @BeforeAll
    static void start() throws Exception {
        suite = FourServices.start(runDir, Map.of("REKINDLE_SERVICE_KEYS", OLD));
        assertTrue(Http.put(url("messaging") + "/v1/templates/rotation", """
                {"channel":"email","locales":{"en":{"subject":"Hello","text":"Hello"}}}""").status() / 100 == 2);
        Http.Reply scenario = Http.post(url("scenario") + "/v1/scenarios", """
                {"name":"rotation","trigger":{"type":"event","events":["rotation_check"]},"holdoutPercent":0,
                 "steps":[{"id":"hello","type":"send","channel":"email","template":"rotation","category":"transactional"}]}""");
        assertEquals(201, scenario.status(), scenario.body());
        scenarioId = scenario.json().path("id").asText();
        // Triggers read the scenario list from a cache of up to 2 s (ScenarioCatalog), which a concurrent reader
        // can fill just before the new scenario commits.
        Thread.sleep(2_500);
    }

    @AfterAll
    static void stop() throws Exception {
        suite.close();
    }

    @Test
    void rotatingTheServiceKeyWithRollingRestartsLosesNothing() throws Exception {
        worksAcrossTheSuite("before the rotation");
        for (String keys : List.of(OLD + "," + NEW, NEW + "," + OLD, NEW)) {
            for (String service : FourServices.NAMES) {
                suite.process(service).restart(Map.of("REKINDLE_SERVICE_KEYS", keys));
                worksAcrossTheSuite(service + " restarted with " + keys);
            }
        }
    }

    /** A journey sends through messaging-service, and segment-service's outbox reaches its three peers. */
    private static void worksAcrossTheSuite(String when) throws Exception {
        String customer = "rot-" + ++round;
        assertEquals(201, Http.put(url("segment") + "/v1/customers/" + customer, """
                {"email":"%s@example.org","timezone":"UTC","consents":{"email":true}}""".formatted(customer)).status());
        assertEquals(201, Http.post(url("segment") + "/v1/orders", """
                {"orderId":"o-%s","customerId":"%s","placedAt":"%s","currency":"EUR","total":10,"status":"placed",
                 "items":[]}""".formatted(customer, customer, Instant.now().minusSeconds(5))).status());
        assertEquals(202, Http.post(url("scenario") + "/v1/triggers", """
                {"eventId":"e-%s","customerId":"%s","type":"rotation_check"}""".formatted(customer, customer))
                .status(), when);
        Await.until(() -> ended(customer), Duration.ofSeconds(60));
        assertEquals(204, Http.delete(url("segment") + "/v1/customers/" + customer).status(), when);
        Await.until(() -> outboxBacklog() == 0, Duration.ofSeconds(60));
    }

    private static boolean ended(String customer) {
        try {
            var enrollments = Http.get(url("scenario") + "/v1/scenarios/" + scenarioId + "/enrollments?customerId="
                    + customer).json();
            return enrollments.size() == 1 && "ended".equals(enrollments.get(0).path("state").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private static long outboxBacklog() {
        try {
            return (long) io.rekindle.platform.testing.Metrics.sample(Http.metrics(url("segment")), "rekindle_backlog", "queue=\"outbox\"");
        } catch (Exception e) {
            return -1;
        }
    }

    private static String url(String service) {
        return suite.url(service);
    }
}
