package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;


/**
 * Two replicas of every service's cluster build on one standalone PostgreSQL server, behind one HAProxy address per
 * service: requests spread over both, and mail queued through one address is sent once, whichever replica takes it.
 */
class TwoReplicasTest {

    private static final int CUSTOMERS = 40;
    private static final int MESSAGES = 200;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    static Path runDir;

    static GreenMail smtp;
    static DatabaseServer database;
    static ReplicatedSuite suite;

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        database = DatabaseServer.start(runDir.resolve("database"), FourServices.NAMES);
        suite = ReplicatedSuite.start(runDir, database, Map.of("QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort())));
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (suite != null) {
                suite.close();
            }
        } finally {
            database.close();
            smtp.stop();
        }
    }

    @Test
    void mailQueuedThroughOneAddressIsSentOnceAndBothReplicasTookRequests() throws Exception {
        for (int c = 0; c < CUSTOMERS; c++) {
            Http.Reply r = Http.put(suite.url("segment") + "/v1/customers/r-" + c, """
                    {"email":"r%d@example.org","locale":"en","consents":{"email":true}}""".formatted(c));
            assertTrue(r.status() / 100 == 2, r.body());
        }
        assertEquals(201, Http.put(suite.url("messaging") + "/v1/templates/replicated", """
                {"channel":"email","locales":{"en":{"subject":"Mail {vars.n}","text":"Mail {vars.n}"}}}""")
                .status());
        for (int n = 0; n < MESSAGES; n++) {
            Http.Reply r = Http.post(suite.url("messaging") + "/v1/messages", """
                    {"channel":"email","customerId":"r-%d","template":"replicated","variables":{"n":%d},
                     "category":"transactional"}""".formatted(n % CUSTOMERS, n),
                    Map.of("Idempotency-Key", "replicated-" + n));
            assertEquals(202, r.status(), r.body());
        }
        assertTrue(smtp.waitForIncomingEmail(Duration.ofMinutes(2).toMillis(), MESSAGES),
                () -> smtp.getReceivedMessages().length + " of " + MESSAGES + " arrived; messages by state: "
                        + messageStates());
        Thread.sleep(3_000);

        Map<String, List<String>> idsBySubject = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            idsBySubject.computeIfAbsent(mail.getSubject(), s -> new ArrayList<>()).add(mail.getMessageID());
        }
        assertEquals(MESSAGES, idsBySubject.size(), "every message arrived");
        assertEquals(MESSAGES, smtp.getReceivedMessages().length, "and none twice, two replicas draining one queue");
        for (String service : List.of("segment", "messaging")) {
            for (ServiceProcess replica : suite.replicas(service)) {
                String metrics = Http.metrics(replica.url());
                assertTrue(requestsServed(metrics) > 0, "a " + service + " replica served no request through "
                        + "the balancer: " + metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_c"))
                        .toList());
            }
        }
    }

    private static String messageStates() {
        try (var c = database.connect("messaging", "messaging", DatabaseServer.password("messaging"));
                var rs = c.createStatement().executeQuery(
                        "SELECT state, coalesce(detail, '') AS detail, count(*) AS n FROM message GROUP BY 1, 2")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString("state")).append(" (").append(rs.getString("detail")).append("): ")
                        .append(rs.getLong("n")).append("; ");
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** A replica's count of answered API requests under /v1, from its metrics. */
    private static double requestsServed(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count") && l.contains("uri=\"/v1/"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
