package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.rekindle.bench.SendgridWebhook;

/**
 * A campaign through the four services together (segment entry, survey invitation, the email with the survey link)
 * while each service in turn is killed with SIGKILL, together with its database, and restarted; meanwhile the email
 * provider reports every delivery through signed webhooks, retrying what is refused, as providers do. At the end every
 * planned message reached the SMTP server (counted by Message-ID, which messaging-service derives from the message the
 * idempotency key names), a message arrives twice only from the window between the SMTP server's accept and
 * messaging-service's commit (same Message-ID), no journey is left running, and every reported delivery reached the
 * scenario report. {@code -Drekindle.campaign.size=10000} runs the full campaign (about 10 minutes here); CI runs
 * 2,000 sends (under 3 minutes).
 */
class SuiteFaultCampaignTest {

    private static final int SIZE = Integer.getInteger("rekindle.campaign.size", 2_000);
    /**
     * At most what the SMTP server may have accepted without its `sent` committed at the messaging kill: the sends in
     * flight (rekindle.sending.send-threads: 16) and as many accepted while the previous acceptances were being
     * committed.
     */
    private static final int IN_FLIGHT = 2 * 16;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path runDir;

    @Test
    void everyServiceKilledInTurnEveryMessageArrivesNoJourneyIsStuckNoDeliveryIsLost() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        AtomicBoolean campaignOver = new AtomicBoolean();
        try (FourServices suite = FourServices.start(runDir, Map.of(
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "REKINDLE_SENDGRID_WEBHOOK_KEY", SendgridWebhook.publicKey(),
                "REKINDLE_SENDING_LEASE", "PT10S",
                "REKINDLE_SCENARIOS_LEASE", "PT10S"))) {
            String scenarioId = setUp(suite);
            loadCustomers(suite);

            Provider provider = new Provider(suite.url("messaging"), smtp, campaignOver);
            provider.start();
            // Each victim at its own point of the campaign (1/6, 2/6, 3/6, 4/6 of the mail in); a point the flow has
            // already passed means a kill right after the last restart. (Waiting for a sixth more than when the last
            // victim came back could not be met once the mail had outrun the restarts: a CI run already had over
            // 1,667 of 2,000.)
            List<String> victims = List.of("segment", "scenario", "messaging", "survey");
            for (int v = 0; v < victims.size(); v++) {
                String victim = victims.get(v);
                int point = (v + 1) * SIZE / 6;
                Await.until(() -> provider.distinct() >= point, Duration.ofMinutes(5));
                suite.process(victim).kill();
                Thread.sleep(1_000);
                suite.process(victim).restart();
            }

            Await.until(() -> provider.distinct() >= SIZE, Duration.ofMinutes(10));
            Await.until(() -> report(suite, scenarioId).path("active").asLong() == 0, Duration.ofMinutes(5));
            Await.until(() -> delivered(suite, scenarioId) == SIZE, Duration.ofMinutes(5));
            campaignOver.set(true);
            provider.join();

            Map<String, Integer> byMessageId = provider.arrivals();
            assertEquals(SIZE, byMessageId.size(), "every planned message arrived");
            assertEquals(SIZE, provider.recipients().size(), "one message for each customer");
            long again = byMessageId.values().stream().mapToInt(n -> n - 1).sum();
            assertTrue(again <= IN_FLIGHT, again + " messages arrived twice (same Message-ID); only the messaging "
                    + "kill's window allows " + IN_FLIGHT);
            assertEquals(SIZE, report(suite, scenarioId).path("entered").asLong());
            assertEquals(SIZE, delivered(suite, scenarioId), "every delivery the provider reported is in the report");
        } finally {
            campaignOver.set(true);
            smtp.stop();
        }
    }

    /** The shop's setup: a segment, a template with the survey link, a scenario inviting then mailing. */
    private static String setUp(FourServices suite) throws Exception {
        assertEquals(201, Http.put(suite.url("segment") + "/v1/segments/winter", """
                {"name":"Winter campaign","rule":{"field":"attributes.campaign","op":"=","value":"winter"}}""").status());
        assertTrue(Http.put(suite.url("messaging") + "/v1/templates/winter", """
                {"channel":"email","locales":{"en":{"subject":"Winter is here, {customer.firstName}",
                 "text":"Tell us why: {vars.surveyUrl}"}}}""").status() / 100 == 2);
        Http.Reply scenario = Http.post(suite.url("scenario") + "/v1/scenarios", """
                {"name":"winter","trigger":{"type":"segment","segment":"winter"},"holdoutPercent":0,
                 "steps":[{"id":"ask","type":"survey","survey":"why-stopped","next":"mail"},
                          {"id":"mail","type":"send","channel":"email","template":"winter","next":"end"},
                          {"id":"end","type":"exit"}]}""");
        assertEquals(201, scenario.status(), scenario.body());
        return scenario.json().path("id").asText();
    }

    private static void loadCustomers(FourServices suite) throws Exception {
        for (int from = 0; from < SIZE; from += 1_000) {
            List<String> rows = new ArrayList<>();
            for (int i = from; i < Math.min(SIZE, from + 1_000); i++) {
                rows.add("""
                        {"customerId":"w%d","email":"winter%d@example.org","firstName":"W%d","timezone":"UTC",
                         "consents":{"email":true},"attributes":{"campaign":"winter"}}""".formatted(i, i, i));
            }
            Http.Reply r = Http.post(suite.url("segment") + "/v1/customers/batch", "[" + String.join(",", rows) + "]");
            assertEquals(200, r.status(), r.body());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode report(FourServices suite, String scenarioId) {
        try {
            return Http.get(suite.url("scenario") + "/v1/scenarios/" + scenarioId + "/report").json();
        } catch (Exception e) {
            return Http.json("{}");
        }
    }

    private static long delivered(FourServices suite, String scenarioId) {
        for (var step : report(suite, scenarioId).path("steps")) {
            if ("mail".equals(step.path("step").asText())) {
                return step.path("customers").path("delivered").asLong();
            }
        }
        return 0;
    }

    /**
     * The email provider: reads what the SMTP server accepted and reports each new message as delivered through the
     * signed webhook in batches of 100, posting a refused or failed batch again until it is acknowledged.
     */
    private static final class Provider extends Thread {

        private final String messaging;
        private final GreenMail smtp;
        private final AtomicBoolean over;
        private final Map<String, Integer> arrivals = new HashMap<>();
        private final Set<String> recipients = new LinkedHashSet<>();
        private final Set<String> reported = new java.util.HashSet<>();

        Provider(String messaging, GreenMail smtp, AtomicBoolean over) {
            this.messaging = messaging;
            this.smtp = smtp;
            this.over = over;
            setDaemon(true);
        }

        synchronized int distinct() {
            return arrivals.size();
        }

        synchronized Map<String, Integer> arrivals() {
            return new HashMap<>(arrivals);
        }

        synchronized Set<String> recipients() {
            return new LinkedHashSet<>(recipients);
        }

        @Override
        public void run() {
            while (!over.get()) {
                try {
                    List<String> events = new ArrayList<>();
                    MimeMessage[] all = smtp.getReceivedMessages();
                    synchronized (this) {
                        arrivals.clear();
                        for (MimeMessage m : all) {
                            String id = m.getMessageID().replaceAll("^<|@.*$", "");
                            arrivals.merge(id, 1, Integer::sum);
                            recipients.add(m.getAllRecipients()[0].toString());
                            if (reported.add(id)) {
                                events.add("{\"email\":\"%s\",\"event\":\"delivered\",\"sg_event_id\":\"d-%s\","
                                        .formatted(m.getAllRecipients()[0], id)
                                        + "\"rekindle_message_id\":\"%s\",\"timestamp\":%d}"
                                                .formatted(id, Instant.now().getEpochSecond()));
                            }
                        }
                    }
                    for (int i = 0; i < events.size(); i += 100) {
                        report(events.subList(i, Math.min(events.size(), i + 100)));
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private void report(List<String> batch) throws Exception {
            String body = "[" + String.join(",", batch) + "]";
            while (!over.get()) {
                try {
                    Http.Reply r = Http.post(messaging + "/v1/webhooks/sendgrid", body,
                            SendgridWebhook.headers(body, Instant.now().getEpochSecond()));
                    if (r.status() == 200) {
                        return;
                    }
                } catch (java.io.IOException e) {
                    // messaging-service is down: the provider tries again later.
                }
                Thread.sleep(1_000);
            }
        }
    }
}
