package io.rekindle.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * scenario-service killed with SIGKILL (with its database) twice during a run of 5,000 enrollments (10,000 with
 * {@code -Drekindle.crash.enrollments=10000}), and restarted:
 * every enrollment completes, and counted by idempotency key at the messaging stand-in, every step's message was asked
 * for under exactly one key (a retry after the crash reuses it; messaging-service answers a known key with what it
 * already did) and none is missing.
 */
class ScenarioServiceCrashTest {

    private static final int CUSTOMERS = Integer.getInteger("rekindle.crash.enrollments", 5_000);
    private static final int PAGE = 500;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path runDir;

    private WireMockServer peers;
    private ServiceProcess scenario;
    /** Idempotency key -> the customer of that send, and how often each key was asked for. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private void asked(String key, String customer) {
        keys.put(key, customer);
        requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @BeforeEach
    void standInForSegmentAndMessaging() throws Exception {
        peers = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(40).disableRequestJournal());
        peers.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().equals("/v1/messages")) {
                asked(request.getHeader("Idempotency-Key"),
                        Http.json(request.getBodyAsString()).path("customerId").asText());
            } else if (request.getUrl().equals("/v1/messages/batch")) {
                for (var item : Http.json(request.getBodyAsString()).path("items")) {
                    asked(item.path("idempotencyKey").asText(), item.path("message").path("customerId").asText());
                }
            }
        });
        peers.start();
        peers.stubFor(get(urlPathEqualTo("/v1/segments/crash-entrants")).willReturn(okJson("{\"id\":\"crash-entrants\"}")));
        peers.stubFor(get(urlPathMatching("/v1/templates/.*")).willReturn(okJson("{}")));
        peers.stubFor(get(urlPathMatching("/v1/segments/crash-entrants/members/.*")).willReturn(okJson("{}")));
        peers.stubFor(CustomerLookupStub.everyCustomerWith(
                "\"email\":\"someone@example.com\",\"timezone\":\"UTC\",\"metrics\":{\"revenue\":0}"));
        peers.stubFor(post("/v1/messages").willReturn(okJson("{\"id\":\"m\",\"state\":\"queued\"}").withStatus(202)));
        peers.stubFor(post("/v1/messages/batch").willReturn(okJson("{\"items\":[]}").withStatus(202)));
        for (int page = 0; page <= CUSTOMERS / PAGE; page++) {
            var request = get(urlPathEqualTo("/v1/segments/crash-entrants/changes"))
                    .withQueryParam("after", page == 0 ? absent() : equalTo("p" + page));
            peers.stubFor(request.willReturn(okJson(changes(page).toString())));
        }
        String base = "http://127.0.0.1:" + peers.port();
        scenario = ServiceProcess.start("scenario", runDir, Map.of("QUARKUS_REST_CLIENT_SEGMENT_URL", base,
                "QUARKUS_REST_CLIENT_MESSAGING_URL", base, "QUARKUS_REST_CLIENT_SURVEY_URL", base,
                "REKINDLE_SCENARIOS_LEASE", "PT10S"));
    }

    private static ObjectNode changes(int page) {
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode changes = body.putArray("changes");
        int from = page * PAGE;
        for (int i = from; i < Math.min(CUSTOMERS, from + PAGE); i++) {
            changes.addObject().put("customerId", "c" + i).put("kind", "entered");
        }
        body.put("next", "p" + Math.min(page + 1, CUSTOMERS / PAGE));
        return body;
    }

    @AfterEach
    void stop() throws Exception {
        if (scenario != null) {
            scenario.close();
        }
        peers.stop();
    }

    @Test
    void killedTwiceMidRunEveryStepIsAskedForOnceAndEveryJourneyCompletes() throws Exception {
        Http.Reply created = Http.post(scenario.url() + "/v1/scenarios", """
                {"name":"crash test","trigger":{"type":"segment","segment":"crash-entrants"},"holdoutPercent":0,
                 "steps":[
                   {"id":"first","type":"send","channel":"email","template":"crash-a","category":"transactional","next":"pause"},
                   {"id":"pause","type":"wait","duration":"PT5S","next":"second"},
                   {"id":"second","type":"send","channel":"email","template":"crash-b","category":"transactional"}]}""");
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("id").asText();

        Await.until(() -> sent("first") >= CUSTOMERS * 3 / 10, Duration.ofMinutes(4));
        scenario.kill();
        int firstAtKill = sent("first");
        scenario.restart();
        Await.until(() -> sent("second") >= CUSTOMERS / 2, Duration.ofMinutes(4));
        scenario.kill();
        scenario.restart();

        Await.until(() -> report(id).path("entered").asInt() == CUSTOMERS && report(id).path("active").asInt() == 0,
                Duration.ofMinutes(5));

        assertTrue(firstAtKill < CUSTOMERS, "the first kill came mid-run");
        Set<String> expected = IntStream.range(0, CUSTOMERS).mapToObj(i -> "c" + i).collect(Collectors.toSet());
        for (String step : List.of("first", "second")) {
            Map<String, Long> perCustomer = keys.entrySet().stream().filter(k -> k.getKey().contains(":" + step + ":"))
                    .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.counting()));
            assertEquals(expected, perCustomer.keySet(), "every customer's '" + step + "' message was asked for");
            assertEquals(Set.of(1L), Set.copyOf(perCustomer.values()),
                    "one key per customer for '" + step + "': a crash never made a second message");
        }
        assertEquals(2 * CUSTOMERS, keys.size());
        assertTrue(keys.keySet().stream().allMatch(k -> k.endsWith(":1")), "first visits only");
        long retried = requests.values().stream().filter(n -> n.get() > 1).count();
        System.out.printf("scenario crash test: %,d keys, %,d asked again after a crash under the same key%n",
                keys.size(), retried);
    }

    private int sent(String step) {
        return (int) keys.keySet().stream().filter(k -> k.contains(":" + step + ":")).count();
    }

    private JsonNode report(String id) {
        try {
            return Http.get(scenario.url() + "/v1/scenarios/" + id + "/report").json();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
