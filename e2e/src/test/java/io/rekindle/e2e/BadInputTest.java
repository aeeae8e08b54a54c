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

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
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

    static Stream<BadInputCases.Case> cases() {
        return BadInputCases.all(liveSurveyLink, expiredSurveyLink);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithA4xxAndChangesNothing(BadInputCases.Case c) throws Exception {
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
            HttpResponse<String> r = send(new BadInputCases.Case(g.name(), g.service(), g.method(), g.path(),
                    BadInputCases.key(), g.body(), 400, false));
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

    private static HttpResponse<String> send(BadInputCases.Case c) throws Exception {
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

    private static String url(String service) {
        return suite.url(service);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
