package io.rekindle.e2e;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.rekindle.bench.SendgridWebhook;

/** The hand-written bad requests {@link BadInputTest} sends, each with the answer it must get. */
final class BadInputCases {

    private static final String KEY = "Bearer " + ServiceProcess.API_KEY;
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private BadInputCases() {
    }

    /** One bad request and what it must get: a status, and a problem document or a page. */
    record Case(String name, String service, String method, String path, Map<String, String> headers, String body,
            int status, boolean page) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The cases, with a live and an expired survey link from the suite under test. */
    static Stream<Case> all(String liveSurveyLink, String expiredSurveyLink) {
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

    private static Case api(String name, String service, String method, String path, Map<String, String> headers,
            String body, int status) {
        return new Case(name, service, method, path, headers, body, status, false);
    }

    private static Case page(String name, String service, String method, String path, String body, int status) {
        return new Case(name, service, method, path, Map.of(), body, status, true);
    }

    static Map<String, String> key(String... more) {
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

    private static String path(String absoluteUrl) {
        return URI.create(absoluteUrl).getRawPath();
    }
}
