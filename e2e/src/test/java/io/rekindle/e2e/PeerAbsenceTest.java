package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * messaging-service is away for two minutes (both replicas stopped, as in a botched deploy): the storefront's writes
 * are still accepted, the journeys wait at their send step with the work held in scenario-service's queue (its
 * backlog gauge shows it), and once messaging-service is back every message goes out, once.
 * {@code -Drekindle.peer.absence=PT30S} shortens the absence.
 */
@ExtendWith(Cluster.Shared.class)
class PeerAbsenceTest {

    private static final Duration ABSENCE = Duration.parse(System.getProperty("rekindle.peer.absence", "PT2M"));
    private static final int SIZE = ReplicaKillTest.SIZE / 4;

    @Test
    void aPeerAwayForTwoMinutesHoldsItsWorkAndDeliversItAfter(Cluster cluster) throws Exception {
        try (Campaign campaign = Campaign.prepare(cluster, "peer-absence", SIZE)) {
            List<ServiceProcess> messaging = cluster.suite.replicas("messaging");
            for (ServiceProcess replica : messaging) {
                replica.close();
            }
            long away = System.nanoTime();
            try {
                campaign.loadCustomers();
                Await.until(() -> scenarioBacklog(cluster) >= SIZE, Duration.ofMinutes(1));
                Thread.sleep(Math.max(0, ABSENCE.toMillis() - (System.nanoTime() - away) / 1_000_000));
                // The two gauges are two queries: a journey taken up between them shows in neither, so a scrape
                // may read one short; the next ones read them all while they are held.
                double[] held = {0};
                try {
                    Await.until(() -> (held[0] = scenarioBacklog(cluster)) >= SIZE, Duration.ofSeconds(10));
                } catch (AssertionError e) {
                    throw new AssertionError("scenario-service's backlog showed " + held[0] + " journeys waiting, "
                            + "not " + SIZE, e);
                }
                assertTrue(campaign.arrived() == 0, "mail went out with messaging-service away");
                System.out.printf("peer absence: messaging-service away %d s, %.0f journeys held by "
                        + "scenario-service%n", (System.nanoTime() - away) / 1_000_000_000, held[0]);
            } finally {
                for (ServiceProcess replica : messaging) {
                    replica.restart();
                }
            }
            campaign.awaitCompletion(Duration.ofMinutes(5));
            campaign.assertGuarantees(0);
        }
    }

    /**
     * The journeys held, as a scenario replica's gauges show them: due or in progress
     * ({@code rekindle_backlog{queue="enrollments"}}) and waiting to retry ({@code rekindle_backlog_retrying}).
     */
    private static double scenarioBacklog(Cluster cluster) {
        try {
            // Each replica counts the one shared table: any replica's gauges are the whole backlog.
            String metrics = Http.metrics(cluster.suite.replicas("scenario").get(0).url());
            return io.rekindle.platform.testing.Metrics.sample(metrics, "rekindle_backlog", "queue=\"enrollments\"")
                    + io.rekindle.platform.testing.Metrics.sample(metrics, "rekindle_backlog_retrying", "queue=\"enrollments\"");
        } catch (Exception e) {
            return -1;
        }
    }
}
