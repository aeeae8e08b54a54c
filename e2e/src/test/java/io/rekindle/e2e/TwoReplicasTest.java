package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of every service's cluster build on one standalone PostgreSQL server, behind one HAProxy address per
 * service: requests spread over both, and mail queued through one address is sent once, whichever replica takes it.
 */
@ExtendWith(Cluster.Shared.class)
class TwoReplicasTest {

    private static final int CUSTOMERS = 40;
    private static final int MESSAGES = 200;

    @Test
    void mailQueuedThroughOneAddressIsSentOnceAndBothReplicasTookRequests(Cluster cluster) throws Exception {
        ReplicatedSuite suite = cluster.suite;
        for (int c = 0; c < CUSTOMERS; c++) {
            Http.Reply r = Http.put(suite.url("segment") + "/v1/customers/two-" + c, """
                    {"email":"two-replicas-%d@example.org","locale":"en","consents":{"email":true}}""".formatted(c));
            assertTrue(r.status() / 100 == 2, r.body());
        }
        assertEquals(201, Http.put(suite.url("messaging") + "/v1/templates/replicated", """
                {"channel":"email","locales":{"en":{"subject":"Mail {vars.n}","text":"Mail {vars.n}"}}}""")
                .status());
        for (int n = 0; n < MESSAGES; n++) {
            Http.Reply r = Http.post(suite.url("messaging") + "/v1/messages", """
                    {"channel":"email","customerId":"two-%d","template":"replicated","variables":{"n":%d},
                     "category":"transactional","repeatIntended":true}""".formatted(n % CUSTOMERS, n),
                    Map.of("Idempotency-Key", "replicated-" + n));
            assertEquals(202, r.status(), r.body());
        }
        Await.until(() -> mine(cluster).size() >= MESSAGES, Duration.ofMinutes(2));
        Thread.sleep(3_000);

        Map<String, List<String>> idsBySubject = new HashMap<>();
        for (MimeMessage mail : mine(cluster)) {
            idsBySubject.computeIfAbsent(mail.getSubject(), s -> new ArrayList<>()).add(mail.getMessageID());
        }
        assertEquals(MESSAGES, idsBySubject.size(), "every message arrived; messages by state: "
                + messageStates(cluster.database));
        assertEquals(MESSAGES, mine(cluster).size(), "and none twice, two replicas draining one queue");
        for (String service : List.of("segment", "messaging")) {
            for (ServiceProcess replica : suite.replicas(service)) {
                String metrics = Http.metrics(replica.url());
                assertTrue(requestsServed(metrics) > 0, "a " + service + " replica served no request through "
                        + "the balancer: " + metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_c"))
                        .toList());
            }
        }
    }

    /** The mail this test sent, among all the cluster's SMTP server received. */
    private static List<MimeMessage> mine(Cluster cluster) {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage mail : cluster.smtp.getReceivedMessages()) {
            try {
                if (mail.getAllRecipients()[0].toString().startsWith("two-replicas-")) {
                    mine.add(mail);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mine;
    }

    private static String messageStates(DatabaseServer database) {
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
        return io.rekindle.platform.testing.Metrics.sample(metrics, "http_server_requests_seconds_count", "uri=\"/v1/");
    }
}
