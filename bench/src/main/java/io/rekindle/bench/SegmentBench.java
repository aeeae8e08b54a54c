package io.rekindle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * segment-service at scale: loads a synthetic store through the batch APIs (printing rows/s), then times the full
 * recompute (per-customer metrics, RFM, BG/NBD fit and predictions), the fit alone, and how soon a single new order
 * shows in its customer's metrics after its 2xx answer. Beside the intake and the recompute it prints their floors,
 * measured on the service's own database in the same run ({@link DatabaseFloor}), and the ratio.
 */
final class SegmentBench {

    /** The local run's embedded server for segment-service ({@code ./rekindle up}). */
    static final String LOCAL_DATABASE = "jdbc:postgresql://127.0.0.1:15431/postgres?user=postgres";
    private static final int BATCH = 10_000;
    private static final List<String> POISON = List.of();

    private final Api api;
    private final int customers;
    private final int threads;
    private final SyntheticStore store;
    private final long seed;
    private final String database;

    SegmentBench(Api api, int customers, long seed, int threads, String database) {
        this.database = database;
        this.api = api;
        this.customers = customers;
        this.threads = threads;
        this.store = new SyntheticStore(seed);
        this.seed = seed;
    }

    void run() throws Exception {
        System.out.printf("segment benchmark: %,d customers, seed %d, %d sending threads, batches of %,d%n",
                customers, seed, threads, BATCH);
        api.postBatch("/v1/products/batch", store.products());
        load("customers", "/v1/customers/batch", c -> List.of(c.profile()));
        double intake = load("orders", "/v1/orders/batch", SyntheticStore.Customer::orders);
        load("events", "/v1/events/batch", SyntheticStore.Customer::events);

        long caughtUp = System.nanoTime();
        long due;
        while ((due = (long) Api.number(api.get("/v1/segments/backlog"), "due")) > 0) {
            Thread.sleep(1_000);
        }
        System.out.printf("figures and memberships of every written customer caught up %.1f s after the last write%n",
                (System.nanoTime() - caughtUp) / 1e9);
        try (DatabaseFloor floor = new DatabaseFloor(database)) {
            double copy = floor.copyOrders();
            System.out.printf("floor: PostgreSQL's COPY of the same orders into an empty table like orders: %,.0f rows/s;"
                    + " intake at %.2fx of it%n", copy, intake / copy);
        }

        long started = System.nanoTime();
        String outcome = api.post("/v1/analytics/recompute", "");
        double seconds = (System.nanoTime() - started) / 1e9;
        double metrics = (Api.number(outcome, "orderScan") + Api.number(outcome, "rfm")
                + Api.number(outcome, "bgnbdFit") + Api.number(outcome, "spendFit")
                + Api.number(outcome, "customerMetrics")) / 1e3;
        System.out.printf("full recompute of metrics (%,d customers), RFM (%,d scored) and BG/NBD fit + predictions: "
                + "%.1f s (order scan %.1f s, rfm %.1f s, fit %.1f s, spend fit %.1f s, customer metrics %.1f s)%n",
                (long) Api.number(outcome, "customers"), (long) Api.number(outcome, "rfmCustomers"), metrics,
                Api.number(outcome, "orderScan") / 1e3, Api.number(outcome, "rfm") / 1e3,
                Api.number(outcome, "bgnbdFit") / 1e3, Api.number(outcome, "spendFit") / 1e3,
                Api.number(outcome, "customerMetrics") / 1e3);
        System.out.printf("then full recompute of all segments' members: %.1f s, and scheduling every customer's next "
                + "time-driven re-evaluation: %.1f s (whole request %.1f s)%n", Api.number(outcome, "segments") / 1e3,
                Api.number(outcome, "scheduleNextChanges") / 1e3, seconds);

        try (DatabaseFloor floor = new DatabaseFloor(database)) {
            double figures = floor.customerFigures();
            System.out.printf("floor: one SQL statement computing every customer's recency, frequency, revenue and RFM "
                    + "quintiles into a table: %.1f s; the recompute's metrics at %.2fx of it, the whole request at "
                    + "%.2fx%n", figures, metrics / figures, seconds / figures);
        }

        started = System.nanoTime();
        String model = api.post("/v1/models/bgnbd/fit", "");
        System.out.printf("BG/NBD fit alone on %,d customers: %.1f s (r=%.3f alpha=%.2f a=%.3f b=%.3f)%n",
                (long) Api.number(model, "customers"), (System.nanoTime() - started) / 1e9, Api.number(model, "r"),
                Api.number(model, "alpha"), Api.number(model, "a"), Api.number(model, "b"));

        singleOrderLatency(200);
        previews();
        changeLatency(200);
        feedThroughput("no-purchase-14d-subscribers");
    }

    private static final List<String> BUILT_INS = List.of("email-non-openers-3m", "no-interaction-6m", "lapsed-buyers",
            "predicted-churn", "rfm-bottom-20", "cart-abandoners", "browse-abandoners", "no-purchase-14d-subscribers",
            "dirty-addresses");

    /** Each built-in rule previewed (count + 10 samples) as an editor would, without saving. */
    private void previews() {
        double slowest = 0;
        StringBuilder each = new StringBuilder();
        for (String id : BUILT_INS) {
            String rule = Api.value(api.get("/v1/segments/" + id), "rule");
            long started = System.nanoTime();
            String preview = api.post("/v1/segments/preview", "{\"rule\":" + rule + ",\"sample\":10}");
            double seconds = (System.nanoTime() - started) / 1e9;
            slowest = Math.max(slowest, seconds);
            each.append(String.format("%n  %-28s %,10d customers  %.2f s", id, (long) Api.number(preview, "count"),
                    seconds));
        }
        System.out.printf("preview of each built-in rule: slowest %.2f s%s%n", slowest, each);
    }

    /** An event that moves its customer into a segment, then reads the feed until the entry shows. */
    private void changeLatency(int samples) {
        String segment = Api.text(api.post("/v1/segments", "{\"name\":\"bench ping\",\"rule\":{\"event\":"
                + "\"bench_ping\",\"count\":1,\"within\":\"P1D\"}}"), "id");
        String cursor = Api.text(api.get("/v1/segments/" + segment + "/changes?limit=1"), "next");
        double[] millis = new double[samples];
        for (int s = 0; s < samples; s++) {
            String customer = "c" + (s * 7907 % customers);
            api.post("/v1/events/batch", "[{\"eventId\":\"bench-ping-" + System.nanoTime() + "\",\"customerId\":\""
                    + customer + "\",\"type\":\"bench_ping\",\"occurredAt\":\"" + java.time.Instant.now().minusSeconds(1)
                    + "\"}]");
            long answered = System.nanoTime();
            String page;
            while (!(page = api.get("/v1/segments/" + segment + "/changes?after=" + cursor))
                    .contains("\"customerId\":\"" + customer + "\"")) {
                Thread.onSpinWait();
            }
            cursor = Api.text(page, "next");
            millis[s] = (System.nanoTime() - answered) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("event to its segment entry in the change feed after the 2xx: p50 %.0f ms, p99 %.0f ms, "
                + "max %.0f ms (%d events)%n", millis[samples / 2], millis[(int) Math.ceil(samples * 0.99) - 1],
                millis[samples - 1], samples);
    }

    /** Reads a segment's whole change feed in pages of 50,000, as a consumer catching up would. */
    private void feedThroughput(String segment) {
        String cursor = "0";
        long changes = 0;
        long started = System.nanoTime();
        while (true) {
            String page = api.get("/v1/segments/" + segment + "/changes?limit=50000&after=" + cursor);
            int n = page.split("\"cursor\"", -1).length - 1;
            if (n == 0) {
                break;
            }
            changes += n;
            cursor = Api.text(page, "next");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("change feed read by one consumer: %,d changes in %.1f s = %,.0f changes/s%n", changes,
                seconds, changes / seconds);
    }

    /** Rows per second. */
    private double load(String what, String path,
            java.util.function.Function<SyntheticStore.Customer, List<String>> rows) throws Exception {
        BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(threads * 2);
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> senders = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            senders.add(pool.submit(() -> {
                while (true) {
                    List<String> batch = queue.take();
                    if (batch == POISON) {
                        return null;
                    }
                    String report = api.postBatch(path, batch);
                    if (Api.number(report, "stored") != batch.size()) {
                        throw new IllegalStateException(what + " batch not fully stored: " + report);
                    }
                    sent.addAndGet(batch.size());
                }
            }));
        }
        List<String> batch = new ArrayList<>(BATCH);
        long lastReport = System.nanoTime();
        for (int i = 0; i < customers; i++) {
            for (String row : rows.apply(store.customer(i))) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (System.nanoTime() - lastReport > 30e9) {
                lastReport = System.nanoTime();
                System.out.printf("  ... %s: %,d sent, %,.0f/s%n", what, sent.get(),
                        sent.get() / ((lastReport - started) / 1e9));
            }
        }
        if (!batch.isEmpty()) {
            queue.put(batch);
        }
        for (int t = 0; t < threads; t++) {
            queue.put(POISON);
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %,d in %.1f s = %,.0f %s/s%n", what, sent.get(), seconds, sent.get() / seconds, what);
        return sent.get() / seconds;
    }

    /** A new order for a known customer, then reads until its metrics show it: time after the 2xx answer. */
    private void singleOrderLatency(int samples) {
        double[] millis = new double[samples];
        for (int s = 0; s < samples; s++) {
            String customer = "c" + (s * 7919 % customers);
            int before = (int) Api.number(api.get("/v1/customers/" + customer), "orderCount");
            String order = "{\"orderId\":\"bench-single-" + System.nanoTime() + "\",\"customerId\":\"" + customer
                    + "\",\"placedAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\",\"currency\":\"EUR\","
                    + "\"total\":10.00,\"status\":\"placed\",\"items\":[{\"sku\":\"sku-1-1\",\"category\":\"category-1\",\"quantity\":1,\"unitPrice\":10.00}]}";
            api.post("/v1/orders", order);
            long answered = System.nanoTime();
            while ((int) Api.number(api.get("/v1/customers/" + customer), "orderCount") != before + 1) {
                Thread.onSpinWait();
            }
            millis[s] = (System.nanoTime() - answered) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("single order reflected in its customer's metrics after the 2xx: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d orders)%n",
                millis[samples / 2], millis[(int) Math.ceil(samples * 0.99) - 1], millis[samples - 1], samples);
    }
}
