package io.rekindle.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rekindle.bench.Api;

import io.rekindle.bench.FreePort;

/**
 * The four running services as the demo reaches them: their APIs, their movable clocks (all moved together), and the
 * backlogs they publish, which tell when everything a moment in time caused has been done.
 */
public final class Suite {

    private static final String BACKLOG_GAUGE = "rekindle_backlog{";
    private static final Pattern BACKLOG = Pattern.compile("rekindle_backlog\\{[^}]*\\bqueue=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)");

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    final Api segment;
    final Api scenario;
    final Api messaging;
    final Api survey;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public Suite(String segmentUrl, String scenarioUrl, String messagingUrl, String surveyUrl, String key) {
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

    /**
     * Moves every service's clock on by the same amount, in an order that makes every run of a seed alike:
     * segment-service first, and what time alone changes there (the day's segment entries and exits, and
     * {@code thenInSegment}, such as the nightly recompute) is done before the others move, so scenario-service reads
     * the whole day's feed before it runs the day's steps; messaging-service last, once scenario-service has run them,
     * so it sends the day's messages knowing every suppression the day brought.
     */
    void advance(Duration by, Runnable thenInSegment) throws InterruptedException {
        String body = "{\"by\":\"" + by + "\"}";
        segment.post("/v1/admin/clock/advance", body);
        thenInSegment.run();
        awaitQuiet("segment");
        survey.post("/v1/admin/clock/advance", body);
        scenario.post("/v1/admin/clock/advance", body);
        awaitQuiet();
        messaging.post("/v1/admin/clock/advance", body);
    }

    /**
     * Waits until no service has work due or in progress. Every hand-off is in a backlog until taken (outboxes until
     * acknowledged; scenario-service's segment feed from a move of its clock until it has read it again).
     */
    public void awaitQuiet() throws InterruptedException {
        awaitQuiet(null);
    }

    /**
     * As {@link #awaitQuiet()}, for one service only (or all: null). While some services are busy only they are
     * asked again (every scrape costs the services a page and a few counts); once they read zero, all are asked
     * together, and only two such rounds in a row of zero from all of them end the wait. One is not enough: the
     * services answer side by side, not at one instant, so a hand-off acknowledged between two of their answers
     * (gone from the sender's outbox, not yet counted by the receiver) shows in neither; it shows in the next round.
     */
    void awaitQuiet(String service) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> all = service == null ? List.copyOf(urls.keySet()) : List.of(service);
        List<String> asked = all;
        int quietRounds = 0;
        while (true) {
            Map<String, Long> backlog = backlog(asked);
            List<String> busy = asked.stream().filter(s -> backlog.entrySet().stream()
                    .anyMatch(queue -> queue.getKey().startsWith(s + ".") && queue.getValue() != 0)).toList();
            quietRounds = busy.isEmpty() && asked.equals(all) ? quietRounds + 1 : 0;
            if (quietRounds == 2) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the suite still has work after " + PATIENCE + ": " + backlog);
            }
            if (busy.isEmpty()) {
                asked = all;
            } else {
                asked = busy;
                Thread.sleep(10);
            }
        }
    }

    /** The backlog gauges of the services named, by service and queue, asked of all at once. */
    Map<String, Long> backlog(List<String> services) {
        Map<String, CompletableFuture<HttpResponse<String>>> pages = new LinkedHashMap<>();
        for (String service : services) {
            pages.put(service, http.sendAsync(HttpRequest.newBuilder(
                    URI.create(FreePort.managementUrl(urls.get(service)) + "/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, Long> all = new LinkedHashMap<>();
        pages.forEach((service, page) -> {
            int queues = 0;
            for (String line : body(service, page).split("\n")) {
                if (!line.startsWith(BACKLOG_GAUGE)) {
                    continue;
                }
                Matcher m = BACKLOG.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                queues++;
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

    private String body(String service, CompletableFuture<HttpResponse<String>> page) {
        try {
            return page.get().body();
        } catch (ExecutionException e) {
            throw new IllegalStateException(FreePort.managementUrl(urls.get(service)) + "/q/metrics: " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
