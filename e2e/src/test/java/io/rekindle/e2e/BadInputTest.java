package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import io.rekindle.bench.SendgridWebhook;

/**
 * Bad input across the public surface of the four running services: malformed JSON, wrong types, a huge body,
 * unknown ids, missing or wrong API keys, forged and stale signatures, forged and expired tokens. Each answer must be
 * the 4xx the case names, as application/problem+json (or, for the pages people open, a friendly HTML page), never a
 * 5xx; and a digest of every row of every table of the four databases must be the same before and after. (A batch
 * of well-formed rows some of which are invalid is not here: it is answered 200 with each rejected row named, the
 * valid ones stored, as the batch endpoints document.)
 */
class BadInputTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    static Path runDir;

    static FourServices suite;
    static String liveSurveyLink;
    static String expiredSurveyLink;
    static String scenarioId;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KEY = "Bearer " + ServiceProcess.API_KEY;
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @BeforeAll
    static void startTheSuiteWithSomethingStored() throws Exception {
        suite = FourServices.start(runDir, Map.of(
                "REKINDLE_SENDGRID_WEBHOOK_KEY", SendgridWebhook.publicKey(),
                "REKINDLE_MAILGUN_SIGNING_KEY", "e2e-mailgun-signing-key",
                "REKINDLE_POSTMARK_WEBHOOK_USER", "postmark",
                "REKINDLE_POSTMARK_WEBHOOK_PASSWORD", "e2e-postmark-password",
                "REKINDLE_SES_TOPIC_ARNS", "arn:aws:sns:eu-west-1:123456789012:rekindle-ses"));
        // What must survive every bad request untouched.
        assertEquals(201, Http.put(url("segment") + "/v1/customers/c-1", """
                {"email":"ada@example.org","firstName":"Ada","timezone":"Europe/Paris","consents":{"email":true}}""")
                .status());
        assertEquals(201, Http.post(url("segment") + "/v1/orders", """
                {"orderId":"o-1","customerId":"c-1","placedAt":"2025-01-10T10:00:00Z","currency":"EUR","total":20.00,
                 "status":"placed","items":[{"sku":"sku-1","category":"shoes","quantity":1,"unitPrice":20.00}]}""")
                .status());
        assertEquals(201, Http.put(url("segment") + "/v1/segments/gold", """
                {"name":"Gold","rule":{"field":"attributes.tier","op":"=","value":"gold"}}""").status());
        assertTrue(Http.put(url("messaging") + "/v1/templates/hello", """
                {"channel":"email","locales":{"en":{"subject":"Hello","text":"Hello {customer.firstName}"}}}""")
                .status() / 100 == 2);
        // Queued for next year: stored, and nothing happens to it during the test.
        assertEquals(202, Http.post(url("messaging") + "/v1/messages", """
                {"channel":"email","customerId":"c-1","recipient":"ada@example.org","template":"hello",
                 "category":"transactional","sendAt":"%s"}""".formatted(Instant.now().plus(Duration.ofDays(365))),
                Map.of("Idempotency-Key", "kept")).status());
        Http.Reply scenario = Http.post(url("scenario") + "/v1/scenarios", """
                {"name":"kept","trigger":{"type":"event","events":["never_sent"]},"holdoutPercent":10,
                 "steps":[{"id":"hello","type":"send","channel":"email","template":"hello"}]}""");
        assertEquals(201, scenario.status(), scenario.body());
        scenarioId = scenario.json().path("id").asText();
        liveSurveyLink = invitation(Instant.now().plus(Duration.ofDays(30)));
        expiredSurveyLink = invitation(Instant.now().plusSeconds(2));
        Await.until(() -> {
            try {
                return get(expiredSurveyLink).statusCode() == 410;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(30));
        // Background work caused by the setup (segment evaluation, feeds) is over when nothing changes for a while.
        Await.until(BadInputTest::settled, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        suite.close();
    }

    /** One bad request and what it must get: a status, and a problem document or a page. */
    record Case(String name, String service, String method, String path, Map<String, String> headers, String body,
            int status, boolean page) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String huge = "{\"email\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        long now = Instant.now().getEpochSecond();
        String events = "[{\"email\":\"ada@example.org\",\"event\":\"open\",\"sg_event_id\":\"bad-1\",\"timestamp\":" + now + "}]";
        List<Case> c = new ArrayList<>();
        // segment-service
        c.add(api("no API key", "segment", "GET", "/v1/customers/c-1", Map.of(), null, 401));
        c.add(api("wrong API key", "segment", "GET", "/v1/customers/c-1", Map.of("Authorization", "Bearer nope"), null, 401));
        c.add(api("customer: malformed JSON", "segment", "PUT", "/v1/customers/c-1", key(), "{\"email\":", 400));
        c.add(api("customer: wrong types", "segment", "PUT", "/v1/customers/c-1", key(),
                "{\"email\":42,\"consents\":\"yes\"}", 400));
        c.add(api("customer: unknown timezone", "segment", "PUT", "/v1/customers/c-1", key(),
                "{\"email\":\"ada@example.org\",\"timezone\":\"Mars/Olympus\"}", 400));
        c.add(api("customer: id with spaces", "segment", "PUT", "/v1/customers/a%20b", key(),
                "{\"email\":\"b@example.org\"}", 400));
        c.add(api("customer: huge body", "segment", "PUT", "/v1/customers/c-1", key(), huge, 413));
        c.add(api("customer: unknown id", "segment", "GET", "/v1/customers/nobody", key(), null, 404));
        c.add(api("customer lookup: no ids", "segment", "POST", "/v1/customers/lookup", key(), "{\"customerIds\":[]}", 400));
        c.add(api("customers batch: not an array", "segment", "POST", "/v1/customers/batch", key(), "{}", 400));
        c.add(api("order: wrong types", "segment", "POST", "/v1/orders", key(),
                "{\"orderId\":\"o-2\",\"customerId\":\"c-1\",\"placedAt\":\"yesterday\",\"total\":\"lots\"}", 400));
        c.add(api("order: placed in the future", "segment", "POST", "/v1/orders", key(), """
                {"orderId":"o-2","customerId":"c-1","placedAt":"2999-01-01T00:00:00Z","currency":"EUR","total":1,
                 "status":"placed","items":[]}""", 400));
        c.add(api("order: changes a stored order badly", "segment", "POST", "/v1/orders", key(), """
                {"orderId":"o-1","customerId":"c-1","placedAt":"2025-01-10T10:00:00Z","currency":"EURO","total":-5,
                 "status":"placed","items":[]}""", 400));
        c.add(api("events batch: not an array", "segment", "POST", "/v1/events/batch", key(), "{\"eventId\":1}", 400));
        c.add(api("product: wrong types", "segment", "PUT", "/v1/products/sku-1", key(), "{\"price\":\"free\"}", 400));
        c.add(api("segment: unknown field in rule", "segment", "POST", "/v1/segments", key(),
                "{\"name\":\"x\",\"rule\":{\"field\":\"shoeSize\",\"op\":\"=\",\"value\":1}}", 400));
        c.add(api("segment: unknown id", "segment", "GET", "/v1/segments/nope", key(), null, 404));
        c.add(api("segment feed: bad cursor", "segment", "GET", "/v1/segments/gold/changes?after=garbage", key(), null, 400));
        c.add(api("subscription: not a URL", "segment", "POST", "/v1/subscriptions", key(),
                "{\"callbackUrl\":\"not a url\",\"segments\":[\"gold\"]}", 400));
        // scenario-service
        c.add(api("scenario: malformed JSON", "scenario", "POST", "/v1/scenarios", key(), "{\"name\":", 400));
        c.add(api("scenario: unreachable step", "scenario", "POST", "/v1/scenarios", key(), """
                {"name":"bad","trigger":{"type":"event","events":["x"]},"steps":[
                 {"id":"a","type":"exit"},{"id":"b","type":"exit"}]}""", 400));
        c.add(api("scenario: unknown id", "scenario", "GET", "/v1/scenarios/nope", key(), null, 404));
        c.add(api("scenario: revise unknown id", "scenario", "PUT", "/v1/scenarios/nope", key(), """
                {"name":"x","trigger":{"type":"event","events":["x"]},"steps":[{"id":"a","type":"exit"}]}""", 404));
        c.add(api("report: unknown scenario", "scenario", "GET", "/v1/scenarios/nope/report", key(), null, 404));
        c.add(api("library: unknown entry", "scenario", "POST", "/v1/scenarios/library/nope/install", key(), "", 404));
        c.add(api("trigger: wrong types", "scenario", "POST", "/v1/triggers", key(),
                "{\"eventId\":1,\"customerId\":[],\"type\":\"cart_updated\"}", 400));
        c.add(api("signal: no API key", "scenario", "POST", "/v1/signals", Map.of("Content-Type", JSON), "{}", 401));
        c.add(api("signal: wrong types", "scenario", "POST", "/v1/signals", key(), "{\"signalId\":{},\"type\":7}", 400));
        c.add(api("clock: backwards", "scenario", "POST", "/v1/admin/clock/advance", key(), "{\"by\":\"-P1D\"}", 400));
        // messaging-service
        c.add(api("message: no Idempotency-Key", "messaging", "POST", "/v1/messages", key(), """
                {"channel":"email","customerId":"c-1","recipient":"ada@example.org","template":"hello","category":"transactional"}""", 400));
        c.add(api("message: unknown channel", "messaging", "POST", "/v1/messages", key("Idempotency-Key", "bad-1"), """
                {"channel":"pigeon","customerId":"c-1","template":"hello","category":"transactional"}""", 400));
        c.add(api("message: same key, other body", "messaging", "POST", "/v1/messages", key("Idempotency-Key", "kept"), """
                {"channel":"email","customerId":"c-2","recipient":"bob@example.org","template":"hello","category":"transactional"}""", 409));
        c.add(api("message batch: a used key with another body stores none", "messaging", "POST", "/v1/messages/batch",
                key(), """
                {"items":[{"idempotencyKey":"fresh-1","message":{"channel":"email","customerId":"c-3","recipient":"eve@example.org","template":"hello","category":"transactional"}},
                          {"idempotencyKey":"kept","message":{"channel":"email","customerId":"c-2","recipient":"bob@example.org","template":"hello","category":"transactional"}}]}""", 409));
        c.add(api("message batch: empty", "messaging", "POST", "/v1/messages/batch", key(), "{\"items\":[]}", 400));
        c.add(api("message: unknown id", "messaging", "GET", "/v1/messages/nope", key(), null, 404));
        c.add(api("template: does not compile", "messaging", "PUT", "/v1/templates/broken", key(), """
                {"channel":"email","locales":{"en":{"subject":"Hi","text":"{#if customer.firstName}unclosed"}}}""", 400));
        c.add(api("template: preview of unknown id", "messaging", "POST", "/v1/templates/nope/preview", key(), "{}", 404));
        c.add(api("suppression: wrong types", "messaging", "POST", "/v1/suppressions", key(), "{\"channel\":5,\"address\":[]}", 400));
        c.add(api("sendgrid: forged signature", "messaging", "POST", "/v1/webhooks/sendgrid",
                Map.of("Content-Type", JSON, "X-Twilio-Email-Event-Webhook-Timestamp", Long.toString(now),
                        "X-Twilio-Email-Event-Webhook-Signature", "MEUCIQDforged"), events, 401));
        c.add(api("sendgrid: signed 10 minutes ago", "messaging", "POST", "/v1/webhooks/sendgrid",
                json(SendgridWebhook.headers(events, now - 600)), events, 401));
        c.add(api("sendgrid: signed, malformed", "messaging", "POST", "/v1/webhooks/sendgrid",
                json(SendgridWebhook.headers("[{\"event\":", now)), "[{\"event\":", 400));
        c.add(api("mailgun: bad signature", "messaging", "POST", "/v1/webhooks/mailgun", Map.of("Content-Type", JSON), """
                {"signature":{"timestamp":"%d","token":"t","signature":"00"},"event-data":{"event":"opened"}}""".formatted(now), 401));
        c.add(api("postmark: no credentials", "messaging", "POST", "/v1/webhooks/postmark", Map.of("Content-Type", JSON),
                "{\"RecordType\":\"Open\"}", 401));
        c.add(api("twilio: bad signature", "messaging", "POST", "/v1/webhooks/twilio",
                Map.of("Content-Type", FORM, "X-Twilio-Signature", "AAAA"), "From=%2B33600000000&Body=STOP", 401));
        c.add(api("ses: not an SNS message", "messaging", "POST", "/v1/webhooks/ses", Map.of("Content-Type", "text/plain"),
                "{\"Type\":", 401));
        c.add(page("unsubscribe page: forged token", "messaging", "GET", "/u/forged.token", null, 404));
        c.add(page("one-click unsubscribe: forged token", "messaging", "POST", "/u/forged.token", "List-Unsubscribe=One-Click", 404));
        c.add(page("click: forged token, no redirect", "messaging", "GET", "/t/c/forged?url=https://evil.example", null, 404));
        // survey-service
        c.add(api("survey: inconsistent definition", "survey", "PUT", "/v1/surveys/bad", key(), """
                {"defaultLocale":"en","texts":{"en":{"title":"t"}},"questions":[{"id":"q","kind":"single_choice",
                 "options":["a"],"texts":{"en":{"label":"Q","options":{"b":"B"}}}}]}""", 400));
        c.add(api("invitation: unknown survey", "survey", "POST", "/v1/surveys/nope/invitations", key(),
                "{\"customerId\":\"c-1\"}", 404));
        c.add(api("invitation: wrong types", "survey", "POST", "/v1/surveys/why-stopped/invitations", key(),
                "{\"customerId\":5,\"locale\":\"not a tag\"}", 400));
        c.add(api("results: bad date", "survey", "GET", "/v1/surveys/why-stopped/results?from=garbage", key(), null, 400));
        c.add(page("survey page: forged token", "survey", "GET", "/s/forged.1.AAAA", null, 404));
        c.add(page("survey page: expired link", "survey", "GET", path(expiredSurveyLink), null, 410));
        c.add(page("survey answer: expired link", "survey", "POST", path(expiredSurveyLink), "reason=price", 410));
        c.add(page("survey answer: no form guard", "survey", "POST", path(liveSurveyLink), "reason=price", 403));
        // Found on the open internet (issue 20): each answered 500 before.
        c.add(api("twilio: malformed percent-escape", "messaging", "POST", "/v1/webhooks/twilio",
                Map.of("Content-Type", FORM, "X-Twilio-Signature", "AAAA"), "From=%zz&Body=STOP", 400));
        c.add(page("survey answer: not a form (malformed percent-escape)", "survey", "POST", path(liveSurveyLink),
                "reason=%zz", 400));
        c.add(page("survey answer: garbled form guard", "survey", "POST", path(liveSurveyLink),
                "_guard=zzzzzzzzzzzzz.AAAA&reason=price", 403));
        c.add(api("segment: a rule value of 1e400", "segment", "POST", "/v1/segments", key(),
                "{\"name\":\"x\",\"rule\":{\"field\":\"orderCount\",\"op\":\">=\",\"value\":1e400}}", 400));
        c.add(api("segment: a rule value of a billion digits", "segment", "POST", "/v1/segments", key(),
                "{\"name\":\"x\",\"rule\":{\"field\":\"attributes.size\",\"op\":\">=\",\"value\":1e999999999}}", 400));
        c.add(api("subscription: a callback to cloud metadata", "segment", "POST", "/v1/subscriptions", key(),
                "{\"callbackUrl\":\"https://169.254.169.254/latest/meta-data/\",\"segments\":[\"gold\"]}", 400));
        c.add(api("subscription: plain http in production", "segment", "POST", "/v1/subscriptions", key(),
                "{\"callbackUrl\":\"http://hooks.example.com/x\",\"segments\":[\"gold\"]}", 400));
        c.add(api("template: reads the configuration", "messaging", "PUT", "/v1/templates/leak", key(), """
                {"channel":"email","locales":{"en":{"subject":"Hi","text":"{config:['quarkus.datasource.password']}"}}}""", 400));
        c.add(api("webhook: a 2 MB body before any signature check", "messaging", "POST", "/v1/webhooks/sendgrid",
                Map.of("Content-Type", JSON), "[" + "{}, ".repeat(500_000) + "{}]", 413));
        c.add(api("survey answer: a 100 KB form", "survey", "POST", path(liveSurveyLink),
                Map.of("Content-Type", FORM), "reason=" + "x".repeat(100_000), 413));
        c.add(api("storefront key: manages templates", "messaging", "PUT", "/v1/templates/hello",
                storefront(), "{\"channel\":\"sms\",\"locales\":{\"en\":{\"text\":\"x\"}}}", 403));
        c.add(api("storefront key: subscribes to the feed", "segment", "POST", "/v1/subscriptions", storefront(),
                "{\"callbackUrl\":\"https://hooks.example.com/x\",\"segments\":[\"gold\"]}", 403));
        c.add(api("service key: writes a customer", "segment", "PUT", "/v1/customers/c-1",
                Map.of("Authorization", "Bearer " + ServiceProcess.SERVICE_KEY, "Content-Type", JSON),
                "{\"email\":\"mallory@example.org\"}", 403));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithA4xxAndChangesNothing(Case c) throws Exception {
        Map<String, String> before = Databases.fingerprint();
        HttpResponse<String> r = send(c);
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertEquals(c.status(), r.statusCode(), c + " answered " + r.statusCode() + ": " + abbreviated(r.body()));
        if (c.page()) {
            assertTrue(type.startsWith("text/html"), c + " is a page, not " + type);
            assertTrue(r.body().contains("<html") || r.body().contains("<!DOCTYPE"), c + ": " + abbreviated(r.body()));
        } else {
            assertTrue(type.startsWith("application/problem+json"), c + " answered " + type + ": " + abbreviated(r.body()));
            var problem = Http.json(r.body());
            assertEquals(c.status(), problem.path("status").asInt(), r.body());
            assertTrue(!problem.path("title").asText().isBlank(), r.body());
        }
        assertEquals(before, Databases.fingerprint(), c + " changed stored data");
    }

    /**
     * The cases made from the four stored OpenAPI documents ({@link OpenApiCases}): every one a 4xx problem document,
     * and the databases unchanged after all of them.
     */
    @org.junit.jupiter.api.Test
    void everyOperationRefusesBadValuesOfEveryKindItsContractNames() throws Exception {
        List<OpenApiCases.Generated> generated = new ArrayList<>();
        for (String service : FourServices.NAMES) {
            generated.addAll(OpenApiCases.from(service, Path.of(System.getProperty("rekindle.root", ".."),
                    service + "-service", "src", "main", "openapi", "openapi.yaml")));
        }
        Map<String, String> before = Databases.fingerprint();
        List<String> wrong = new ArrayList<>();
        for (OpenApiCases.Generated g : generated) {
            HttpResponse<String> r = send(new Case(g.name(), g.service(), g.method(), g.path(), key(), g.body(), 400,
                    false));
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() / 100 != 4 || !type.startsWith("application/problem+json")) {
                wrong.add(g + " answered " + r.statusCode() + " " + type + ": " + abbreviated(r.body()));
            }
        }
        System.out.println("BadInputTest: " + generated.size() + " cases generated from the four OpenAPI documents, "
                + (generated.size() - wrong.size()) + " refused with a 4xx problem document");
        assertTrue(generated.size() > 100, "only " + generated.size() + " generated cases");
        assertEquals(List.of(), wrong);
        assertEquals(before, Databases.fingerprint(), "a generated case changed stored data");
    }

    private static HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(c.service()) + c.path()))
                .timeout(Duration.ofSeconds(60));
        c.headers().forEach(b::header);
        if (c.page() && c.body() != null) {
            b.header("Content-Type", FORM).header("Origin", url(c.service()));
        }
        b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body()));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String absoluteUrl) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(absoluteUrl)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Case api(String name, String service, String method, String path, Map<String, String> headers,
            String body, int status) {
        return new Case(name, service, method, path, headers, body, status, false);
    }

    private static Case page(String name, String service, String method, String path, String body, int status) {
        return new Case(name, service, method, path, Map.of(), body, status, true);
    }

    private static Map<String, String> key(String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", KEY);
        h.put("Content-Type", JSON);
        for (int i = 0; i + 1 < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    private static Map<String, String> storefront() {
        return Map.of("Authorization", "Bearer " + ServiceProcess.STOREFRONT_KEY, "Content-Type", JSON);
    }

    private static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Content-Type", JSON);
        return h;
    }

    private static String invitation(Instant expiresAt) throws Exception {
        Http.Reply r = Http.post(url("survey") + "/v1/surveys/why-stopped/invitations",
                "{\"customerId\":\"c-1\",\"expiresAt\":\"" + expiresAt + "\"}");
        assertEquals(201, r.status(), r.body());
        return r.json().path("url").asText();
    }

    private static boolean settled() {
        try {
            Map<String, String> first = Databases.fingerprint();
            Thread.sleep(1_500);
            return first.equals(Databases.fingerprint());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String path(String absoluteUrl) {
        return URI.create(absoluteUrl).getRawPath();
    }

    private static String url(String service) {
        return suite.url(service);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
