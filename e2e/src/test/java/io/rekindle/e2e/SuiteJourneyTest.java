package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.rekindle.bench.SendgridWebhook;

/**
 * The four services together, driven only through their public APIs the way a storefront and the providers would:
 * a customer enters a segment, the scenario mails them (received by the SMTP server), a signed provider webhook
 * reports the open, the branch invites them to the survey, they answer on the survey page, they buy and the journey
 * ends as won back; then the storefront erases them and no table of any service still holds their email or name.
 * A failure to see a mail prints what each service says of the customer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteJourneyTest {

    private static final String CUSTOMER = "e2e-ada";
    private static final String EMAIL = "zebedee.quuxworth@gmail.com";
    private static final String PHONE = "+33698761234";
    private static final Pattern SURVEY_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/s/[A-Za-z0-9._~-]+");

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    static Path runDir;

    static GreenMail smtp;
    static WireMockServer providers;
    static FourServices services;

    @BeforeAll
    static void startTheSuite() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        providers = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        providers.start();
        services = FourServices.start(runDir, Map.of(
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "REKINDLE_TWILIO_URL", "http://127.0.0.1:" + providers.port(),
                "REKINDLE_FCM_URL", "http://127.0.0.1:" + providers.port(),
                "REKINDLE_SENDGRID_WEBHOOK_KEY", SendgridWebhook.publicKey()));
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        services.close();
        providers.stop();
        smtp.stop();
    }

    private static String url(String service) {
        return services.url(service);
    }

    @Test
    @Order(1)
    void aCustomerIsWonBackThroughEveryServiceAndThenErasedFromAllOfThem() throws Exception {
        // The shop's setup: a segment, two templates, a scenario on the segment (the survey is built in).
        assertEquals(201, Http.put(url("segment") + "/v1/segments/e2e-gold", """
                {"name":"Gold customers","rule":{"field":"attributes.tier","op":"=","value":"gold"}}""").status());
        assertTrue(Http.put(url("messaging") + "/v1/templates/e2e-hello", """
                {"channel":"email","locales":{"en":{"subject":"We miss you, {customer.firstName}",
                 "html":"<p>It has been a while.</p>","text":"It has been a while."}}}""").status() / 100 == 2);
        assertTrue(Http.put(url("messaging") + "/v1/templates/e2e-survey", """
                {"channel":"email","locales":{"en":{"subject":"Tell us why","text":"Two clicks: {vars.surveyUrl}"}}}""")
                .status() / 100 == 2);
        assertEquals(201, Http.put(url("messaging") + "/v1/offers/e2e-welcome", """
                {"name":"Welcome back","kind":"amount","value":5,"code":"WELCOME5","validUntil":"2030-01-01T00:00:00Z",
                 "siteOffering":true}""").status());
        Http.Reply scenario = Http.post(url("scenario") + "/v1/scenarios", """
                {"name":"e2e win-back","trigger":{"type":"segment","segment":"e2e-gold"},"holdoutPercent":0,
                 "exit":{"purchased":true},
                 "steps":[
                   {"id":"hello","type":"send","channel":"email","template":"e2e-hello","offer":"e2e-welcome","next":"opened"},
                   {"id":"opened","type":"wait_for","event":"opened","timeout":"P2D","onEvent":"ask","onTimeout":"end"},
                   {"id":"ask","type":"survey","survey":"why-stopped","next":"invite"},
                   {"id":"invite","type":"send","channel":"email","template":"e2e-survey","category":"transactional","next":"answered"},
                   {"id":"answered","type":"wait_for","event":"answered","timeout":"P7D","onEvent":"patience","onTimeout":"end"},
                   {"id":"patience","type":"wait","duration":"P30D","next":"end"},
                   {"id":"end","type":"exit"}]}""");
        assertEquals(201, scenario.status(), scenario.body());
        String scenarioId = scenario.json().path("id").asText();

        // The storefront sends the customer; segment-service puts them in the segment, scenario-service enrolls them
        // from the change feed, messaging-service mails them.
        assertEquals(201, Http.put(url("segment") + "/v1/customers/" + CUSTOMER, """
                {"email":"%s","phone":"%s","firstName":"Zebedee","lastName":"Quuxworth","locale":"en",
                 "timezone":"Europe/Paris","consents":{"email":true},"attributes":{"tier":"gold"}}"""
                .formatted(EMAIL, PHONE)).status());
        MimeMessage hello = awaitMail("We miss you, Zebedee");
        String messageId = message("e2e-hello").path("id").asText();
        assertEquals("<" + messageId + "@rekindle.local>", hello.getMessageID());

        // The provider reports the open (signed); the branch sends the survey invitation.
        assertEquals(200, sendgridOpen(messageId).status());
        MimeMessage invitation = awaitMail("Tell us why");
        Matcher link = SURVEY_LINK.matcher(invitation.getContent().toString());
        assertTrue(link.find(), "the survey link is in the mail");

        // The customer answers on the survey page.
        answer(link.group(), "price");
        Await.until(() -> "answered".equals(enrollment(scenarioId).path("currentStep").asText())
                || "patience".equals(enrollment(scenarioId).path("currentStep").asText()), Duration.ofSeconds(60));
        Await.until(() -> "price".equals(profile().path("attributes").path("survey_reason").asText()),
                Duration.ofSeconds(60));

        // A purchase with the mail's code: segment-service signals it, the journey ends as won back, and the offer's
        // report counts the redemption, attributed to the message that gave the code.
        String placedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        assertEquals(201, Http.post(url("segment") + "/v1/orders", """
                {"orderId":"e2e-o1","customerId":"%s","placedAt":"%s","currency":"EUR","total":80.00,"status":"placed",
                 "discountCode":"welcome5","discountAmount":5,
                 "items":[{"sku":"sku-1","category":"shoes","quantity":1,"unitPrice":80.00}]}""".formatted(CUSTOMER,
                placedAt)).status());
        Await.until(() -> "won_back".equals(enrollment(scenarioId).path("outcome").asText()), Duration.ofSeconds(60));
        Await.until(() -> offerReport().path("redeemedByRecipients").asInt() == 1, Duration.ofSeconds(60));
        JsonNode offer = offerReport();
        assertEquals(1, offer.path("codesSent").asInt(), offer.toString());
        assertEquals(5.0, offer.path("byCurrency").path(0).path("discountCost").asDouble(), offer.toString());
        assertEquals(80.0, offer.path("byCurrency").path(0).path("revenue").asDouble(), offer.toString());
        assertEquals(2, smtp.getReceivedMessages().length, "two mails, nothing more");

        // Suppressions made by address alone: the shop's operator by email, the customer texting STOP.
        assertEquals(200, Http.post(url("messaging") + "/v1/suppressions", """
                {"channel":"email","address":"%s","reason":"asked by phone"}""".formatted(EMAIL)).status());
        assertEquals(200, twilioStop("SM-e2e-1").status());
        assertTrue(!Databases.holders(PHONE).isEmpty(), "the STOP is stored with the number");

        // Erasure from the storefront reaches every service; nothing of the customer is left anywhere.
        assertEquals(204, Http.delete(url("segment") + "/v1/customers/" + CUSTOMER).status());
        Await.until(() -> Databases.holders(EMAIL).isEmpty() && Databases.holders("Quuxworth").isEmpty()
                && Databases.holders(PHONE).isEmpty(), Duration.ofSeconds(60));
        assertEquals(List.of(), Databases.holders(EMAIL));
        assertEquals(List.of(), Databases.holders("Zebedee"));
        assertEquals(List.of(), Databases.holders("Quuxworth"));
        assertEquals(List.of(), Databases.holders(PHONE));
        // What providers say afterwards about the erased customer is kept without their address.
        assertEquals(200, sendgrid(messageId, "bounce", "e2e-bounce-1").status());
        assertEquals(200, twilioStop("SM-e2e-2").status());
        assertEquals(List.of(), Databases.holders(EMAIL));
        assertEquals(List.of(), Databases.holders(PHONE));
        // And they are never mailed again, whoever asks.
        Http.Reply again = Http.post(url("messaging") + "/v1/messages", """
                {"channel":"email","customerId":"someone-new","recipient":"%s","template":"e2e-survey",
                 "category":"transactional"}""".formatted(EMAIL), Map.of("Idempotency-Key", "after-erasure"));
        assertEquals(202, again.status());
        Await.until(() -> "suppressed".equals(state(again.json().path("id").asText())), Duration.ofSeconds(30));
        assertEquals(2, smtp.getReceivedMessages().length);
    }

    private static MimeMessage awaitMail(String subject) throws Exception {
        try {
            Await.until(() -> find(subject) != null, Duration.ofSeconds(90));
        } catch (AssertionError e) {
            throw new AssertionError("no mail '" + subject + "'; where the customer stands: " + whereTheyStand(), e);
        }
        return find(subject);
    }

    /** What each service says of the customer, for a failure message. */
    private static String whereTheyStand() throws Exception {
        return "segment member: " + Http.get(url("segment") + "/v1/segments/e2e-gold/members/" + CUSTOMER).status()
                + "; feed: " + Http.get(url("segment") + "/v1/segments/e2e-gold/changes").body()
                + "; scenarios: " + Http.get(url("scenario") + "/v1/scenarios").body()
                + "; messages: " + Http.get(url("messaging") + "/v1/messages?customerId=" + CUSTOMER).body();
    }

    private static MimeMessage find(String subject) {
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (subject.equals(m.getSubject())) {
                    return m;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode message(String template) throws Exception {
        for (JsonNode m : Http.get(url("messaging") + "/v1/messages?customerId=" + CUSTOMER).json()) {
            if (template.equals(m.path("template").asText())) {
                return m;
            }
        }
        throw new AssertionError("no " + template + " message");
    }

    private static String state(String messageId) {
        try {
            return Http.get(url("messaging") + "/v1/messages/" + messageId).json().path("state").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode enrollment(String scenarioId) {
        try {
            return Http.get(url("scenario") + "/v1/scenarios/" + scenarioId + "/enrollments?customerId=" + CUSTOMER)
                    .json().path(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode offerReport() {
        try {
            return Http.get(url("messaging") + "/v1/offers/e2e-welcome/report").json();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode profile() {
        try {
            return Http.get(url("segment") + "/v1/customers/" + CUSTOMER).json();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** After the journey: the chart's dashboard and alerts read no metric that the services do not publish. */
    @Test
    @Order(2)
    void everyMetricTheChartsDashboardAndAlertsReadIsPublished() throws Exception {
        StringBuilder scrapes = new StringBuilder();
        for (String service : List.of("segment", "scenario", "messaging", "survey")) {
            scrapes.append(Http.metrics(url(service)));
        }
        Path chart = Path.of("..", "k8s", "rekindle");
        String read = java.nio.file.Files.readString(chart.resolve("files/dashboard.json"))
                + java.nio.file.Files.readString(chart.resolve("templates/prometheusrule.yaml"))
                + java.nio.file.Files.readString(chart.resolve("templates/scaledobjects.yaml"));
        Matcher m = Pattern.compile("\\b(rekindle_[a-z_]+|http_server_requests_[a-z_]+)").matcher(read);
        java.util.Set<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.size() >= 12, "the chart reads the services' metrics: " + names);
        String published = scrapes.toString();
        List<String> missing = names.stream().filter(name -> published.lines()
                .noneMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "))).toList();
        assertEquals(List.of(), missing, "read by the chart, published by no service");
    }

    private static Http.Reply sendgridOpen(String messageId) throws Exception {
        return sendgrid(messageId, "open", "e2e-open-1");
    }

    private static Http.Reply sendgrid(String messageId, String event, String eventId) throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = "[{\"email\":\"" + EMAIL + "\",\"event\":\"" + event + "\",\"sg_event_id\":\"" + eventId
                + "\",\"rekindle_message_id\":\"" + messageId + "\",\"timestamp\":" + now
                + (event.equals("bounce") ? ",\"type\":\"bounce\",\"reason\":\"550 no such user\"" : "") + "}]";
        return Http.post(url("messaging") + "/v1/webhooks/sendgrid", body, SendgridWebhook.headers(body, now));
    }

    /** An inbound SMS "STOP" from the customer's number, signed as Twilio signs (HMAC-SHA1, the auth token). */
    private static Http.Reply twilioStop(String sid) throws Exception {
        java.util.TreeMap<String, String> form = new java.util.TreeMap<>(Map.of("MessageSid", sid, "From", PHONE,
                "To", "+15005550006", "Body", "STOP"));
        String webhook = url("messaging") + "/v1/webhooks/twilio";
        StringBuilder signed = new StringBuilder(webhook);
        form.forEach((k, v) -> signed.append(k).append(v));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(ServiceProcess.PRODUCTION_SECRETS.get("REKINDLE_TWILIO_AUTH_TOKEN")
                .getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(signed.toString()
                .getBytes(StandardCharsets.UTF_8)));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webhook))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Reply(r.statusCode(), r.body());
    }

    /** What a browser does on the public page: read the form, post the answer from the same origin. */
    private static void answer(String link, String reason) throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        String page = browser.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher guard = Pattern.compile("name=\"_guard\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(guard.find(), page);
        String form = "_guard=" + URLEncoder.encode(guard.group(1), StandardCharsets.UTF_8) + "&reason=" + reason;
        HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", url("survey"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answered.statusCode(), answered.body());
    }
}
