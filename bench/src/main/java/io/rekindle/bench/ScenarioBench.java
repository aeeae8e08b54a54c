package io.rekindle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * scenario-service alone, its peers stood in for by a minimal local HTTP server in this process (profiles answer at
 * once, every send is accepted and timed), so the figures are the engine's own. It parks {@code waiting} enrollments
 * in a 30-day wait, then offers {@code rate} new enrollments a second for {@code seconds} seconds to a journey of send,
 * 20-second wait, split, send, and measures the step transitions per second while entries, first sends and woken
 * timers all flow, and how late each wait ended (second send's arrival minus first send's arrival minus 20 s).
 */
final class ScenarioBench {

    private static final Pattern CUSTOMER = Pattern.compile("\"customerId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"idempotencyKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final int PARK_BATCH = 1_000;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final int waiting;
    private final int rate;
    private final int seconds;
    private final int engineThreads;
    private final int entriesPerCall;
    private final Map<String, Long> firstSends = new ConcurrentHashMap<>();
    private final Map<String, Long> secondSends = new ConcurrentHashMap<>();
    private final AtomicLong sendRequests = new AtomicLong();
    private final ExecutorService standInThreads = Executors.newFixedThreadPool(8);

    ScenarioBench(int waiting, int rate, int seconds, int engineThreads, int entriesPerCall) {
        this.entriesPerCall = entriesPerCall;
        this.waiting = waiting;
        this.rate = rate;
        this.seconds = seconds;
        this.engineThreads = engineThreads;
    }

    void run() throws Exception {
        HttpServer peers = standIn();
        Path work = Files.createTempDirectory("rekindle-bench-scenario");
        String base = "http://127.0.0.1:" + peers.getAddress().getPort();
        System.out.printf("scenario benchmark: %,d waiting enrollments, %d new enrollments/s for %d s (%s), %d engine "
                + "threads%n", waiting, rate, seconds, entriesPerCall == 1 ? "each its own POST /v1/triggers"
                : "POST /v1/triggers/batch of " + entriesPerCall, engineThreads);
        try (ServiceJar service = ServiceJar.start("scenario", work, Map.of("QUARKUS_REST_CLIENT_SEGMENT_URL", base,
                "QUARKUS_REST_CLIENT_MESSAGING_URL", base, "QUARKUS_REST_CLIENT_SURVEY_URL", base,
                "REKINDLE_SCENARIOS_ENGINE_THREADS", Integer.toString(engineThreads)))) {
            Api api = new Api(service.url(), ServiceJar.API_KEY);
            api.post("/v1/scenarios", """
                    {"name":"parked","trigger":{"type":"event","events":["bench_park"]},"holdoutPercent":0,
                     "steps":[{"id":"month","type":"wait","duration":"P30D","next":"mail"},
                              {"id":"mail","type":"send","channel":"email","template":"t","category":"transactional"}]}""");
            api.post("/v1/scenarios", """
                    {"name":"flow","trigger":{"type":"event","events":["bench_go"]},"holdoutPercent":0,
                     "steps":[{"id":"first","type":"send","channel":"email","template":"t","category":"transactional","next":"pause"},
                              {"id":"pause","type":"wait","duration":"PT20S","next":"split"},
                              {"id":"split","type":"split","branches":[{"variant":"A","weight":50,"next":"second"},
                                                                      {"variant":"B","weight":50,"next":"second"}]},
                              {"id":"second","type":"send","channel":"email","template":"t","category":"transactional"}]}""");
            park(api);
            load(api);
        } finally {
            peers.stop(0);
            standInThreads.shutdown();
        }
    }

    private void park(Api api) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> parts = new ArrayList<>();
        for (int first = 0; first < waiting; first += PARK_BATCH) {
            int from = first;
            parts.add(pool.submit(() -> triggers(api, "park-", from, Math.min(waiting, from + PARK_BATCH),
                    "bench_park")));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        pool.shutdown();
        double s = (System.nanoTime() - started) / 1e9;
        System.out.printf("parked: %,d enrollments in a 30-day wait, entered in %.1f s (%,.0f entries/s through POST "
                + "/v1/triggers/batch of %,d)%n", waiting, s, waiting / s, PARK_BATCH);
    }

    private void load(Api api) throws Exception {
        int total = rate * seconds;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int first = 0; first < total; first += entriesPerCall) {
            long due = started + (long) (first * 1e9 / rate);
            long sleep = due - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            int from = first;
            calls.add(pool.submit(() -> entriesPerCall == 1 ? trigger(api, "flow-" + from, "bench_go")
                    : triggers(api, "flow-", from, Math.min(total, from + entriesPerCall), "bench_go")));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        long offeredUntil = System.nanoTime();
        pool.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (secondSends.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        report(started, offeredUntil, total);
    }

    private void report(long started, long offeredUntil, int total) {
        // The steady window: from when the first timers end (20 s in) to the end of the offered load, entries, first
        // sends and woken timers all flow; a first send is one transition, a second send closes three (wait, split, send).
        long from = started + WAIT_NANOS + TimeUnit.SECONDS.toNanos(2);
        long to = offeredUntil;
        long firsts = firstSends.values().stream().filter(t -> t >= from && t < to).count();
        long seconds2 = secondSends.values().stream().filter(t -> t >= from && t < to).count();
        double window = (to - from) / 1e9;
        long[] lateness = secondSends.entrySet().stream().filter(e -> firstSends.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - firstSends.get(e.getKey()) - WAIT_NANOS).sorted().toArray();
        double elapsed = (offeredUntil - started) / 1e9;
        System.out.printf("offered: %,d enrollments in %.1f s (%,.0f/s); finished: %,d; send requests: %,d for %,d sends%n",
                total, elapsed, total / elapsed, secondSends.size(), sendRequests.get(),
                firstSends.size() + secondSends.size());
        if (window > 0) {
            System.out.printf("step transitions in the steady %.0f s window: %,.0f/s (%,d first sends + 3 x %,d woken "
                    + "timers -> split -> second send), plus %,.0f entries/s%n", window,
                    (firsts + 3 * seconds2) / window, firsts, seconds2, rate * 1.0);
        }
        if (lateness.length > 0) {
            System.out.printf("timers (20 s waits) ended late by: p50 %.2f s, p99 %.2f s, max %.2f s (%,d timers)%n",
                    lateness[lateness.length / 2] / 1e9, lateness[(int) (lateness.length * 0.99)] / 1e9,
                    lateness[lateness.length - 1] / 1e9, lateness.length);
        }
    }

    private static Void trigger(Api api, String customer, String type) {
        api.post("/v1/triggers", trigger(customer, type));
        return null;
    }

    /** Customers prefix+from .. prefix+(to - 1), in one POST /v1/triggers/batch. */
    private static Void triggers(Api api, String prefix, int from, int to, String type) {
        List<String> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(trigger(prefix + i, type));
        }
        api.postBatch("/v1/triggers/batch", events);
        return null;
    }

    private static String trigger(String customer, String type) {
        return "{\"eventId\":\"" + type + "-" + customer + "\",\"customerId\":\"" + customer + "\",\"type\":\""
                + type + "\"}";
    }

    private HttpServer standIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(standInThreads);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/v1/messages") || path.equals("/v1/messages/batch")) {
                    accepted(exchange);
                } else if (path.equals("/v1/customers/lookup")) {
                    answer(exchange, 200, profiles(exchange));
                } else {
                    answer(exchange, 200, "{}");
                }
            }
        });
        server.start();
        return server;
    }

    /** A send (its key in the header) or a batch of them (each item's key before its message), timed as it comes. */
    private void accepted(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String body = body(exchange);
        Matcher customer = CUSTOMER.matcher(body);
        String single = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Matcher key = KEY.matcher(body);
        while (single != null || key.find()) {
            if (!customer.find()) {
                break;
            }
            sendRequests.incrementAndGet();
            String k = single != null ? single : key.group(1);
            if (k.contains(":first:")) {
                firstSends.putIfAbsent(customer.group(1), now);
            } else if (k.contains(":second:")) {
                secondSends.putIfAbsent(customer.group(1), now);
            }
            single = null;
        }
        answer(exchange, 202, "{\"id\":\"m\",\"state\":\"queued\",\"items\":[]}");
    }

    /** Every customer asked for exists, with an address and no purchase. */
    private static String profiles(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        String ids = body.substring(body.indexOf('[') + 1, body.indexOf(']'));
        StringJoiner customers = new StringJoiner(",", "{\"customers\":[", "],\"unknown\":[]}");
        for (String quoted : ids.split(",")) {
            customers.add("{\"customerId\":" + quoted.strip() + ",\"email\":\"someone@example.com\","
                    + "\"timezone\":\"UTC\",\"metrics\":{\"revenue\":0}}");
        }
        return customers.toString();
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
