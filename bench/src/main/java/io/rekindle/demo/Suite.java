package io.rekindle.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rekindle.bench.Api;

/**
 * The four running services as the demo reaches them: their APIs, their movable clocks (all moved together), and the
 * backlogs they publish, which tell when everything a moment in time caused has been done.
 */
final class Suite {

    private static final Pattern BACKLOG = Pattern.compile("^rekindle_backlog\\{queue=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)",
            Pattern.MULTILINE);

    final Api segment;
    final Api scenario;
    final Api messaging;
    final Api survey;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Suite(String segmentUrl, String scenarioUrl, String messagingUrl, String surveyUrl, String key) {
        urls.put("segment", segmentUrl);
        urls.put("scenario", scenarioUrl);
        urls.put("messaging", messagingUrl);
        urls.put("survey", surveyUrl);
        segment = new Api(segmentUrl, key);
        scenario = new Api(scenarioUrl, key);
        messaging = new Api(messagingUrl, key);
        survey = new Api(surveyUrl, key);
    }

    Instant now() {
        return Instant.parse(Api.text(segment.get("/v1/admin/clock"), "now"));
    }

    /** Moves every service's clock on by the same amount. */
    void advance(Duration by) {
        String body = "{\"by\":\"" + by + "\"}";
        for (Api api : new Api[] { segment, scenario, messaging, survey }) {
            api.post("/v1/admin/clock/advance", body);
        }
    }

    /**
     * Waits until no service has work due or in progress, seen continuously for {@code calm} (longer than the
     * scenario engine's feed poll, so entries published at the last moment are read too).
     */
    void awaitQuiet(Duration calm, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = -1;
        while (true) {
            Map<String, Long> backlog = backlog();
            long pending = backlog.values().stream().mapToLong(Long::longValue).sum();
            long now = System.nanoTime();
            if (pending > 0) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = now;
            } else if (now - quietSince >= calm.toNanos()) {
                return;
            }
            if (now > deadline) {
                throw new IllegalStateException("the suite still has work after " + timeout + ": " + backlog);
            }
            Thread.sleep(50);
        }
    }

    /** Every service's backlog gauges, by service and queue. */
    Map<String, Long> backlog() {
        Map<String, Long> all = new LinkedHashMap<>();
        urls.forEach((service, url) -> {
            Matcher m = BACKLOG.matcher(metrics(url));
            int queues = 0;
            for (; m.find(); queues++) {
                double value = Double.parseDouble(m.group(2));
                if (Double.isNaN(value)) {
                    throw new IllegalStateException(service + "-service cannot count its " + m.group(1)
                            + " backlog (NaN): see its log");
                }
                all.put(service + "." + m.group(1), (long) value);
            }
            if (queues == 0) {
                throw new IllegalStateException(service + "-service publishes no rekindle_backlog gauge: rebuild it");
            }
        });
        return all;
    }

    private String metrics(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url + "/q/metrics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
