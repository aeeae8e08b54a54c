package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A win-back campaign through the four services, as the fault tests run it: a segment the customers enter, a scenario
 * that invites each to a survey and then mails them the survey link, a push subscriber on the segment's change feed,
 * and the email provider reporting every delivery. {@link #assertGuarantees} then checks what must hold whatever
 * failed meanwhile: every planned message reached the SMTP server, second copies only within the window allowed, no
 * journey still running, every reported delivery in the scenario report, every segment change delivered to the
 * subscriber in the feed's order, none lost.
 */
final class Campaign implements AutoCloseable {

    private final Cluster cluster;
    private final String name;
    private final int size;
    private final long started = System.nanoTime();
    private final FeedSubscriber subscriber;
    private final EmailProvider provider;
    private String scenarioId;

    private Campaign(Cluster cluster, String name, int size) throws Exception {
        this.cluster = cluster;
        this.name = name;
        this.size = size;
        this.subscriber = FeedSubscriber.start();
        this.provider = new EmailProvider(cluster.url("messaging"), cluster.smtp, name + "-");
    }

    /** Sets the campaign up (segment, subscription, template, scenario) and starts the provider; no customer yet. */
    static Campaign prepare(Cluster cluster, String name, int size) throws Exception {
        Campaign campaign = new Campaign(cluster, name, size);
        try {
            campaign.setUp();
        } catch (Exception | AssertionError e) {
            campaign.close();
            throw e;
        }
        campaign.provider.start();
        return campaign;
    }

    private void setUp() throws Exception {
        assertEquals(201, Http.put(cluster.url("segment") + "/v1/segments/" + name, """
                {"name":"%s","rule":{"field":"attributes.campaign","op":"=","value":"%s"}}""".formatted(name, name))
                .status());
        Http.Reply subscription = Http.post(cluster.url("segment") + "/v1/subscriptions", """
                {"callbackUrl":"%s","segments":["%s"]}""".formatted(subscriber.callbackUrl(), name));
        assertTrue(subscription.status() / 100 == 2, subscription.body());
        assertTrue(Http.put(cluster.url("messaging") + "/v1/templates/" + name, """
                {"channel":"email","locales":{"en":{"subject":"We miss you, {customer.firstName}",
                 "text":"Tell us why: {vars.surveyUrl}"}}}""").status() / 100 == 2);
        Http.Reply scenario = Http.post(cluster.url("scenario") + "/v1/scenarios", """
                {"name":"%s","trigger":{"type":"segment","segment":"%s"},"holdoutPercent":0,
                 "steps":[{"id":"ask","type":"survey","survey":"why-stopped","next":"mail"},
                          {"id":"mail","type":"send","channel":"email","template":"%s","next":"end"},
                          {"id":"end","type":"exit"}]}""".formatted(name, name, name));
        assertEquals(201, scenario.status(), scenario.body());
        scenarioId = scenario.json().path("id").asText();
    }

    /** The storefront writes the campaign's customers (batches of 1,000), each entering the segment. */
    void loadCustomers() throws Exception {
        for (int from = 0; from < size; from += 1_000) {
            List<String> rows = new ArrayList<>();
            for (int i = from; i < Math.min(size, from + 1_000); i++) {
                rows.add("""
                        {"customerId":"%s-%d","email":"%s-%d@example.org","firstName":"C%d","timezone":"UTC",
                         "consents":{"email":true},"attributes":{"campaign":"%s"}}"""
                        .formatted(name, i, name, i, i, name));
            }
            Http.Reply r = Http.post(cluster.url("segment") + "/v1/customers/batch", "[" + String.join(",", rows) + "]");
            assertEquals(200, r.status(), r.body());
        }
    }

    /** How many distinct messages of the campaign the SMTP server has accepted. */
    int arrived() {
        return provider.distinct();
    }

    /** Waits until every message arrived, every journey ended and the report holds every delivery. */
    void awaitCompletion(Duration timeout) throws InterruptedException {
        Await.until(() -> provider.distinct() >= size, timeout);
        Await.until(() -> report().path("active").asLong() == 0, Duration.ofMinutes(5));
        Await.until(() -> delivered() == size, Duration.ofMinutes(5));
        Await.until(() -> subscriber.applied().size() >= size, Duration.ofMinutes(2));
    }

    /**
     * What must hold after the faults; {@code allowedAgain} is the documented window of second copies the faults
     * opened. Prints the campaign's figures.
     */
    void assertGuarantees(int allowedAgain) throws Exception {
        provider.finish();
        Map<String, Integer> byMessageId = provider.arrivals();
        long again = byMessageId.values().stream().mapToInt(n -> n - 1).sum();
        List<String> feed = feed();
        System.out.printf("campaign %s: %d customers, %d messages arrived, %d second copies (allowed %d), "
                + "%d feed changes, %d delivered again to the subscriber, %.1f s%n", name, size, byMessageId.size(),
                again, allowedAgain, feed.size(), subscriber.repeated(), (System.nanoTime() - started) / 1e9);
        assertEquals(size, byMessageId.size(), "every planned message arrived");
        assertEquals(size, provider.recipients().size(), "one message for each customer");
        assertTrue(again <= allowedAgain, again + " messages arrived twice (same Message-ID); the faults' window "
                + "allows " + allowedAgain);
        JsonNode report = report();
        assertEquals(size, report.path("entered").asLong(), "every customer entered the journey once");
        assertEquals(0, report.path("parked").asLong(), "no journey was parked");
        assertEquals(size, delivered(), "every delivery the provider reported is in the report");
        assertEquals(size, feed.size(), "the feed recorded one entry for each customer");
        assertEquals(size, new HashSet<>(feed).size());
        assertEquals(feed, subscriber.applied(), "the subscriber got every change of the feed, in the feed's order");
    }

    /** The segment's change feed as segment-service pages it, from its beginning. */
    private List<String> feed() throws Exception {
        List<String> cursors = new ArrayList<>();
        String after = null;
        while (true) {
            Http.Reply page = Http.get(cluster.url("segment") + "/v1/segments/" + name + "/changes?limit=5000"
                    + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after,
                            java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(200, page.status(), page.body());
            JsonNode changes = page.json().path("changes");
            if (changes.isEmpty()) {
                return cursors;
            }
            changes.forEach(change -> cursors.add(change.path("cursor").asText()));
            after = page.json().path("next").asText(null);
            if (after == null) {
                return cursors;
            }
        }
    }

    private JsonNode report() {
        try {
            return Http.get(cluster.url("scenario") + "/v1/scenarios/" + scenarioId + "/report").json();
        } catch (Exception e) {
            return Http.json("{}");
        }
    }

    private long delivered() {
        for (JsonNode step : report().path("steps")) {
            if ("mail".equals(step.path("step").asText())) {
                return step.path("customers").path("delivered").asLong();
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        provider.finish();
        subscriber.close();
    }
}
