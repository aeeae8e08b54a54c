package io.rekindle.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * messaging-service killed with SIGKILL (with its database) while 1,500 queued emails go out, and restarted, with the
 * caller retrying the requests that failed meanwhile under the same idempotency keys: at the SMTP server every message
 * arrived, and a message arriving twice can only be one that was in the hands of the SMTP server at the kill (the
 * window between its accept and our commit), with the same Message-ID both times.
 */
class MessagingServiceCrashTest {

    private static final int MESSAGES = 1_500;
    /**
     * Messages the SMTP server may have accepted without their `sent` committed at the kill: the sends in flight
     * (rekindle.sending.send-threads: 16) and as many accepted while the previous acceptances were being
     * committed.
     */
    private static final int IN_FLIGHT = 2 * 16;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path runDir;

    private GreenMail smtp;
    private WireMockServer peers;
    private ServiceProcess messaging;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        peers = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20).disableRequestJournal());
        peers.start();
        // Every customer asked for has the same profile.
        peers.stubFor(CustomerLookupStub.everyCustomerWith("""
                "email":"buyer@example.com","locale":"en","timezone":"UTC","consents":{"email":{"granted":true}},
                "attributes":{},"hygiene":{"status":"valid"}"""));
        peers.stubFor(post(urlPathMatching("/v1/(events/batch|signals)")).willReturn(okJson("{}")));
        String base = "http://127.0.0.1:" + peers.port();
        messaging = ServiceProcess.start("messaging", runDir, Map.of("QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "QUARKUS_REST_CLIENT_SEGMENT_URL", base, "QUARKUS_REST_CLIENT_SCENARIO_URL", base,
                "REKINDLE_SENDING_LEASE", "PT10S"));
    }

    @AfterEach
    void stop() throws Exception {
        if (messaging != null) {
            messaging.close();
        }
        peers.stop();
        smtp.stop();
    }

    @Test
    void killedMidQueueEveryMessageArrivesAndOnlyTheInFlightOnesCanArriveTwice() throws Exception {
        assertEquals(201, Http.put(messaging.url() + "/v1/templates/crash", """
                {"channel":"email","locales":{"en":{"subject":"Mail {vars.n}","html":"<p>Mail {vars.n}</p>",
                 "text":"Mail {vars.n}"}}}""").status());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (int n = 0; n < MESSAGES; n++) {
            int i = n;
            calls.add(callers.submit(() -> sendUntilAccepted(i)));
        }
        // GreenMail's own wait: polling its store would slow down its SMTP side.
        assertTrue(smtp.waitForIncomingEmail(Duration.ofMinutes(3).toMillis(), MESSAGES / 3));
        messaging.kill();
        int atKill = smtp.getReceivedMessages().length;
        messaging.restart();
        for (Future<?> call : calls) {
            call.get();
        }
        callers.shutdown();
        assertTrue(smtp.waitForIncomingEmail(Duration.ofMinutes(4).toMillis(), MESSAGES));
        Await.until(() -> distinctSubjects() == MESSAGES, Duration.ofMinutes(1));
        Thread.sleep(3_000);

        assertTrue(atKill < MESSAGES, "the kill came mid-queue");
        Map<String, List<String>> idsBySubject = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            idsBySubject.computeIfAbsent(mail.getSubject(), s -> new ArrayList<>()).add(mail.getMessageID());
        }
        assertEquals(MESSAGES, idsBySubject.size(), "every message arrived");
        Map<String, List<String>> twice = idsBySubject.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertTrue(twice.size() <= IN_FLIGHT, "only what the SMTP server had in hand at the kill: " + twice);
        twice.values().forEach(ids -> assertEquals(1, ids.stream().distinct().count(),
                "a resend carries the same Message-ID: " + ids));
        System.out.printf("messaging crash test: %,d messages, %,d received before the kill, %d twice%n", MESSAGES,
                atKill, twice.size());
    }

    /** The caller's side: a request that failed because the service was down is sent again under the same key. */
    private Void sendUntilAccepted(int n) throws InterruptedException {
        String body = """
                {"channel":"email","customerId":"c%d","template":"crash","variables":{"n":%d},"category":"transactional"}"""
                .formatted(n, n);
        while (true) {
            try {
                int status = Http.post(messaging.url() + "/v1/messages", body, Map.of("Idempotency-Key", "crash-" + n))
                        .status();
                if (status == 202) {
                    return null;
                }
            } catch (Exception down) {
                // connection refused while the service restarts
            }
            Thread.sleep(200);
        }
    }

    private int distinctSubjects() {
        try {
            java.util.Set<String> subjects = new java.util.HashSet<>();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                subjects.add(mail.getSubject());
            }
            return subjects.size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
