package io.rekindle.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rekindle.bench.SendgridWebhook;
import io.rekindle.bench.SyntheticStore;

/**
 * {@code ./rekindle demo}: plays a store, its customers and their email provider against the running suite, through
 * the public APIs only. It loads a synthetic store (customers with their own rhythms, two years of orders, products,
 * site and email events, a few disposable and mistyped addresses), installs the built-in scenarios, then moves the
 * suite's clocks on day by day: after each day it lets the suite finish what the day caused, reads the mail that
 * arrived, has the customers open, click, answer and unsubscribe, reports deliveries and bounces as the provider,
 * and sends the day's orders, views and carts as the storefront. At the end it writes the report.
 */
public final class Demo {

    /** What a run is: scale, seed, where the suite is and where the report goes. */
    public record Options(int customers, int days, long seed, Path out, int smtpPort, String segmentUrl,
            String scenarioUrl, String messagingUrl, String surveyUrl, String apiKey, boolean terminal) {
    }

    private static final int CHUNK = 500;
    /** segment-service re-evaluates up to 1,000 due customers at a time. */
    private static final int PROFILE_CHUNK = 1_000;

    private final Options options;
    private final Suite suite;
    private final Progress progress;
    private final Shoppers shoppers;
    private final Browser browser = new Browser();
    /** Posts the day's cart triggers, one after the other, while the rest of the storefront's day goes out. */
    private final ExecutorService cartDesk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cart-desk");
        t.setDaemon(true);
        return t;
    });
    private final Storefront storefront;
    private final SendgridWebhook provider;
    private final Tally tally = new Tally();
    private final long[] timing = new long[3];
    private final Pilot pilot;

    private Demo(Options options) {
        this.options = options;
        this.suite = new Suite(options.segmentUrl(), options.scenarioUrl(), options.messagingUrl(),
                options.surveyUrl(), options.apiKey());
        this.progress = new Progress(System.out, options.terminal());
        this.shoppers = new Shoppers(options.seed());
        this.provider = new SendgridWebhook(suite.messaging);
        this.storefront = new Storefront(suite, cartDesk);
        this.pilot = new Pilot(suite, progress, options);
    }

    /**
     * How the demo's suite runs, besides where its mail goes: every clock standing at the next noon (UTC) and moving
     * only when the demo moves it, and one engine thread (reading the segment feed at the first pass after the clock
     * moved), so a seed replays to the same report; SendGrid webhooks signed by the demo's key.
     */
    public static Map<String, String> environment(Instant now) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REKINDLE_CLOCK_ADJUSTABLE", "true");
        env.put("REKINDLE_CLOCK_START", now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(36)).toString());
        env.put("REKINDLE_SCENARIOS_ENGINE_THREADS", "1");
        // Two sending threads: messages due at one moment are claimed in customer order, so one customer's messages
        // fall in two threads' batches only when they straddle a batch's end.
        env.put("REKINDLE_SENDING_DISPATCH_THREADS", "2");
        // Every phase of a simulated day waits for the suite to settle: short polls keep the hand-offs quick.
        env.put("REKINDLE_SCENARIOS_ENGINE_EVERY", "25ms");
        // The segment feed is read when the clock moves (and not between: a day's entries all start the next day).
        env.put("REKINDLE_SCENARIOS_FEED_EVERY", "24h");
        env.put("REKINDLE_SEGMENTS_REEVALUATE_EVERY", "25ms");
        env.put("REKINDLE_SENDING_DISPATCH_EVERY", "25ms");
        env.put("REKINDLE_OUTBOX_RELAY_EVERY", "25ms");
        env.put("REKINDLE_SENDGRID_WEBHOOK_KEY", SendgridWebhook.publicKey());
        // A tenth of the customers kept out of every scenario: the report measures the whole program against them.
        env.put("REKINDLE_SCENARIOS_PROGRAM_HOLDOUT", "0.1");
        return env;
    }

    /** {@code rekindle-bench demo} with its options (without their dashes) and the API key. */
    public static void command(Map<String, String> o, String key) throws Exception {
        Options options = new Options(Integer.parseInt(o.getOrDefault("customers", "20000")),
                Integer.parseInt(o.getOrDefault("days", "120")), Long.parseLong(o.getOrDefault("seed", "42")),
                Path.of(o.getOrDefault("out", "data/demo")), Integer.parseInt(o.getOrDefault("smtp-port", "3026")),
                o.getOrDefault("segment", "http://localhost:8081"), o.getOrDefault("scenario", "http://localhost:8082"),
                o.getOrDefault("messaging", "http://localhost:8083"), o.getOrDefault("survey", "http://localhost:8084"),
                key, System.console() != null);
        Path report = run(options);
        System.out.println();
        System.out.println("Report: " + report.toAbsolutePath());
    }

    /** Runs the demo against a suite already started with its mail going to {@code smtpPort}; answers the report. */
    public static Path run(Options options) throws Exception {
        try (Mailbox mailbox = Mailbox.start(options.smtpPort())) {
            return new Demo(options).play(mailbox);
        }
    }

    private Path play(Mailbox mailbox) throws Exception {
        System.out.printf("Rekindle demo: %,d customers, %d days, seed %d%n", options.customers(), options.days(),
                options.seed());
        Instant start = startAtNoon();
        // Scenarios first, with their daily entry limit in place before anyone can enter.
        pilot.installAll();
        loadStore(start);
        progress.start("Simulating " + options.days() + " days", options.days());
        ExecutorService customers = Executors.newFixedThreadPool(6);
        try {
            for (int day = 1; day <= options.days(); day++) {
                long t0 = System.nanoTime();
                Instant now = suite.now();
                // Each phase settles before the next starts, so the suite sees the same sequence on every run.
                readMail(mailbox, day, now, customers);
                suite.awaitQuiet();
                long t1 = System.nanoTime();
                Shoppers.Day lived = shoppers.live(day);
                storefront.report(lived, now, day);
                tally.ordered(lived);
                suite.awaitQuiet();
                long t2 = System.nanoTime();
                boolean weekEnd = day % 7 == 0;
                suite.advance(Duration.ofDays(1), () -> {
                    if (weekEnd) {
                        recompute();
                    }
                });
                // The day's sends.
                suite.awaitQuiet();
                timing[0] += t1 - t0;
                timing[1] += t2 - t1;
                timing[2] += System.nanoTime() - t2;
                progress.show(day, "day %d: %,d mails so far, %,d orders".formatted(day, mailbox.received(),
                        tally.orders));
            }
            readMail(mailbox, options.days() + 1, suite.now(), customers);
            suite.awaitQuiet();
        } finally {
            customers.shutdown();
            cartDesk.shutdown();
        }
        progress.done(("%,d mails received, %,d orders (customers reading mail %.0f s, shopping %.0f s, the suite "
                + "at work %.0f s)").formatted(mailbox.received(), tally.orders, timing[0] / 1e9, timing[1] / 1e9,
                timing[2] / 1e9));
        DemoReport report = DemoReport.collect(suite, options, tally, mailbox.received());
        Files.createDirectories(options.out());
        Path html = options.out().resolve("report.html");
        Files.writeString(html, report.html());
        Files.writeString(options.out().resolve("report.txt"), report.text());
        // Saved beside the report: the page itself needs the admin key, which a link cannot carry.
        Files.writeString(options.out().resolve("health.html"), suite.messaging.get("/v1/analytics/health.html"));
        System.out.println();
        System.out.print(report.text());
        return html;
    }

    /**
     * Every service's clock moved to the next noon (UTC), so runs with one seed see the same days and hours
     * ({@code ./rekindle demo} starts the services' clocks standing at a noon already).
     */
    private Instant startAtNoon() throws InterruptedException {
        Instant now = suite.now();
        Instant noon = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        if (noon.isBefore(now)) {
            noon = noon.plus(Duration.ofDays(1));
        }
        if (noon.isAfter(now)) {
            suite.advance(Duration.between(now, noon), () -> { });
        }
        return noon;
    }

    private void loadStore(Instant end) throws InterruptedException {
        SyntheticStore store = new SyntheticStore(options.seed(), end, 2);
        History history = new History(options.seed(), end);
        progress.start("Loading the store", 2 * options.customers());
        suite.segment.postBatch("/v1/products/batch", store.products());
        // History before profiles: a customer's segments are computed once, on their whole past.
        List<String> profiles = new ArrayList<>();
        long orders = 0;
        for (int from = 0; from < options.customers(); from += CHUNK) {
            List<String> orderRows = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (int i = from; i < Math.min(options.customers(), from + CHUNK); i++) {
                SyntheticStore.Customer c = store.customer(i);
                shoppers.add(c.persona());
                profiles.add(c.profile().replaceFirst("^\\{", "{\"createdAt\":\"" + c.persona().joinedAt() + "\","));
                orderRows.addAll(c.orders());
                events.addAll(c.events());
                events.addAll(history.emailOpens(c.persona()));
            }
            suite.segment.postBatch("/v1/orders/batch", orderRows);
            suite.segment.postBatch("/v1/events/batch", events);
            orders += orderRows.size();
            progress.show(Math.min(options.customers(), from + CHUNK), "%,d orders".formatted(orders));
        }
        // Then the profiles, each chunk evaluated on its own (one re-evaluation batch of segment-service), in
        // customer order: the segment feeds list the entries alike on every run.
        for (int from = 0; from < profiles.size(); from += PROFILE_CHUNK) {
            suite.awaitQuiet("segment");
            suite.segment.postBatch("/v1/customers/batch", profiles.subList(from, Math.min(profiles.size(),
                    from + PROFILE_CHUNK)));
            progress.show(options.customers() + Math.min(profiles.size(), from + PROFILE_CHUNK), "profiles");
        }
        recompute();
        suite.awaitQuiet();
        progress.done("%,d customers, %,d orders over two years".formatted(options.customers(), orders));
    }

    /**
     * What segment-service's nightly job does (RFM quintiles, the BG/NBD fit and everyone's predicted next order): its
     * schedule follows the wall clock, not the demo's, so the demo asks for it, once a simulated week.
     */
    private void recompute() {
        suite.segment.post("/v1/analytics/recompute", "");
    }


    /** The customers read the day's mail; the provider reports deliveries and bounces (signed, in batches). */
    private void readMail(Mailbox mailbox, int day, Instant now, ExecutorService pool) throws Exception {
        List<Future<?>> actions = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (Mail mail : mailbox.newMail()) {
            Shoppers.Reaction r = shoppers.react(mail, day);
            if (r == null) {
                continue;
            }
            events.add(providerEvent(mail, r.bounced(), now));
            tally.reacted(r);
            actions.add(pool.submit(() -> act(r)));
        }
        for (Future<?> f : actions) {
            f.get();
        }
        for (int i = 0; i < events.size(); i += 100) {
            provider.post("[" + String.join(",", events.subList(i, Math.min(events.size(), i + 100))) + "]",
                    now.getEpochSecond());
        }
    }

    private Void act(Shoppers.Reaction r) {
        Mail mail = r.mail();
        if (r.opened() && mail.pixel() != null) {
            browser.show(mail.pixel());
        }
        if (r.clicked()) {
            browser.click(mail.trackedLinks().get(0));
        }
        if (r.surveyReason() != null) {
            browser.answer(mail.surveyLink(), r.surveyReason());
        }
        if (r.unsubscribed()) {
            browser.unsubscribe(mail.unsubscribeUrl());
        }
        return null;
    }

    private static String providerEvent(Mail mail, boolean bounced, Instant now) {
        String common = "\"email\":\"%s\",\"sg_event_id\":\"demo-%s-%s\",\"rekindle_message_id\":\"%s\",\"timestamp\":%d"
                .formatted(mail.to(), mail.messageId(), bounced ? "bounce" : "delivered", mail.messageId(),
                        now.getEpochSecond());
        return bounced
                ? "{" + common + ",\"event\":\"bounce\",\"type\":\"bounce\",\"status\":\"5.1.1\","
                        + "\"reason\":\"550 5.1.1 The email account that you tried to reach does not exist\"}"
                : "{" + common + ",\"event\":\"delivered\"}";
    }

    /** The demo's own count of what its customers did, for the report. */
    static final class Tally {
        long opened;
        long clicked;
        long answered;
        long unsubscribed;
        long bounced;
        long orders;
        double revenue;

        void reacted(Shoppers.Reaction r) {
            opened += r.opened() ? 1 : 0;
            clicked += r.clicked() ? 1 : 0;
            answered += r.surveyReason() != null ? 1 : 0;
            unsubscribed += r.unsubscribed() ? 1 : 0;
            bounced += r.bounced() ? 1 : 0;
        }

        void ordered(Shoppers.Day day) {
            orders += day.purchases().size();
            revenue += day.purchases().stream().mapToDouble(Shoppers.Purchase::total).sum();
        }
    }
}
