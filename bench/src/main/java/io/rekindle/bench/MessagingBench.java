package io.rekindle.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rekindle.demo.Suite;

/**
 * messaging-service: emails rendered and delivered into the local SMTP server, next to what that server accepts from
 * a trivial client in the same run; then SendGrid-style signed webhook batches of 100 ingested, with the p99 of their
 * acknowledgement. The suite must run with the bench's SendGrid key: REKINDLE_SENDGRID_WEBHOOK_KEY=$(java -jar
 * rekindle-bench.jar sendgrid-public-key).
 */
final class MessagingBench {

    private static final int BATCH = 100;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Api api;
    private final Suite suite;
    private final int emails;
    private final int warmup;
    private final int threads;
    private final String smtpHost;
    private final int smtpPort;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    MessagingBench(Api api, Suite suite, int emails, int warmup, int threads, String smtpHost, int smtpPort) {
        this.api = api;
        this.suite = suite;
        this.emails = emails;
        this.warmup = warmup;
        this.threads = threads;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
    }

    /** Times the SMTP server alone, then emails and webhooks through Rekindle, printing each figure. */
    void run() throws Exception {
        System.out.printf("messaging benchmark: %,d emails after %,d to warm up, %d client threads, SMTP server %s:%d%n",
                emails, warmup, threads, smtpHost, smtpPort);
        double baseline = smtpBaseline(emails);
        System.out.printf("SMTP server alone, one trivial client on one connection: %,d mails in %.1f s = %,.0f mails/s%n",
                emails, emails / baseline, baseline);
        // Each figure after its own warm-up, with the suite quiet: webhook events go on to segment- and
        // scenario-service, whose work on them would otherwise share the cores with what is being timed.
        List<String> warm = warmup > 0 ? sendThroughRekindle("warm-up (not counted)", "w", warmup) : List.of();
        suite.awaitQuiet();
        List<String> ids = sendThroughRekindle("through Rekindle", "m", emails);
        if (warmup > 0) {
            webhooks("warm-up (not counted)", "w", warm, Math.max(10, warmup / 100));
        }
        suite.awaitQuiet();
        webhooks("SendGrid webhooks", "m", ids, Math.max(50, emails / 100));
    }

    private double smtpBaseline(int count) throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket(smtpHost, smtpPort)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in);
            command(out, in, "HELO bench");
            for (int i = 0; i < count; i++) {
                command(out, in, "MAIL FROM:<bench@rekindle.local>");
                command(out, in, "RCPT TO:<baseline-" + (i % 100) + "@example.org>");
                command(out, in, "DATA");
                command(out, in, "Subject: baseline " + i + "\r\n\r\nHello\r\n.");
            }
            command(out, in, "QUIT");
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static void command(OutputStream out, BufferedReader in, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply(in);
    }

    private static void reply(BufferedReader in) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null || line.startsWith("4") || line.startsWith("5")) {
                throw new IllegalStateException("SMTP: " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    private List<String> sendThroughRekindle(String phase, String tag, int emails) throws Exception {
        api.put("/v1/templates/bench-mail", """
                {"channel":"email","locales":{"en":{"subject":"We miss you, {vars.name}",
                 "html":"<p>Hello {vars.name},</p><p>{vars.offer}</p><p><a href=\\"https://shop.example/new\\">New in</a></p>",
                 "text":"Hello {vars.name}, {vars.offer}"}}}""");
        String[] ids = new String[emails];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> posts = new ArrayList<>();
        for (int first = 0; first < emails; first += BATCH) {
            int from = first;
            posts.add(pool.submit(() -> {
                StringBuilder body = new StringBuilder("{\"items\":[");
                for (int i = from; i < Math.min(emails, from + BATCH); i++) {
                    body.append(i == from ? "" : ",").append("""
                            {"idempotencyKey":"bench-%s-%d","message":{"channel":"email","customerId":"bench-%s-%d",
                             "recipient":"bench-%d@example.org","template":"bench-mail","category":"transactional",
                             "variables":{"name":"Customer %d","offer":"Free shipping this week"}}}"""
                            .formatted(run + tag, i, run + tag, i, i % 100, i));
                }
                Matcher id = ID.matcher(api.post("/v1/messages/batch", body.append("]}").toString()));
                for (int i = from; id.find(); i++) {
                    ids[i] = id.group(1);
                }
                return null;
            }));
        }
        for (Future<?> f : posts) {
            f.get();
        }
        pool.shutdown();
        double queued = (System.nanoTime() - started) / 1e9;
        // A scrape costs the service two counting queries: polled every 100 ms, not more, so the waiting is not load.
        while (messageBacklog() > 0) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int sample = Math.max(1, emails / 200);
        int sent = 0;
        int sampled = 0;
        for (int i = 0; i < emails; i += sample, sampled++) {
            if (Api.text(api.get("/v1/messages/" + ids[i]), "state").equals("sent")) {
                sent++;
            }
        }
        System.out.printf("%s (POST /v1/messages/batch of %d, then queue, profile lookup, render, SMTP): "
                + "%,d emails in %.1f s = %,.0f emails/s (all queued after %.1f s; %d of %d sampled messages sent)%n",
                phase, BATCH, emails, seconds, emails / seconds, queued, sent, sampled);
        return Arrays.asList(ids);
    }

    /** Messages due or in progress, from messaging-service's backlog gauge. */
    private double messageBacklog() {
        String line = api.management("/q/metrics").lines().filter(l -> l.startsWith("rekindle_backlog{") && l.contains("queue=\"messages\""))
                .findFirst().orElseThrow(() -> new IllegalStateException("no messages backlog gauge"));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private void webhooks(String phase, String tag, List<String> ids, int batches) throws Exception {
        SendgridWebhook sendgrid = new SendgridWebhook(api);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[] millis = new double[batches];
        long started = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int batch = b;
            calls.add(pool.submit(() -> {
                long now = Instant.now().getEpochSecond();
                StringBuilder body = new StringBuilder("[");
                for (int e = 0; e < 100; e++) {
                    String id = ids.get((batch * 100 + e) % ids.size());
                    body.append(e == 0 ? "" : ",").append("{\"email\":\"x@example.org\",\"event\":\"")
                            .append(e % 2 == 0 ? "delivered" : "open").append("\",\"sg_event_id\":\"bench-")
                            .append(run).append(tag).append('-').append(batch).append('-').append(e)
                            .append("\",\"rekindle_message_id\":\"").append(id).append("\",\"timestamp\":")
                            .append(now).append('}');
                }
                body.append(']');
                long sentAt = System.nanoTime();
                sendgrid.post(body.toString(), now);
                millis[batch] = (System.nanoTime() - sentAt) / 1e6;
                return null;
            }));
        }
        for (Future<?> f : calls) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(millis);
        System.out.printf("%s, signed batches of 100: %,d events in %.1f s = %,.0f events/s; "
                + "acknowledgement p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d batches)%n", phase, batches * 100, seconds,
                batches * 100 / seconds, millis[batches / 2], millis[(int) Math.ceil(batches * 0.99) - 1],
                millis[batches - 1], batches);
    }
}
