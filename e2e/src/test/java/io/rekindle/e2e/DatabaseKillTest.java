package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database server dies in the middle of a campaign (SIGKILL to PostgreSQL and every backend) and comes back
 * after 20 seconds. Meanwhile every replica reports itself not ready, so the balancer (a Kubernetes Service) sends
 * it nothing, but stays alive, so nothing restarts it; once the server is back the replicas reconnect by themselves
 * and the campaign completes with the same guarantees as under replica kills.
 */
@ExtendWith(Cluster.Shared.class)
class DatabaseKillTest {

    private static final Duration DOWN = Duration.ofSeconds(20);

    @Test
    void theDatabaseKilledForTwentySecondsLosesNothing(Cluster cluster) throws Exception {
        try (Campaign campaign = Campaign.prepare(cluster, "database-kill", ReplicaKillTest.SIZE)) {
            campaign.loadCustomers();
            Await.until(() -> campaign.arrived() >= ReplicaKillTest.SIZE / 3, Duration.ofMinutes(5));
            cluster.database.kill();
            long killedAt = System.nanoTime();
            List<ServiceProcess> all = cluster.suite.all();
            for (ServiceProcess replica : all) {
                Await.until(() -> status(replica, "/q/health/ready") == 503, DOWN);
            }
            for (ServiceProcess replica : all) {
                assertEquals(200, status(replica, "/q/health/live"), replica.service()
                        + " reported itself dead while its database was down: Kubernetes would restart it");
            }
            Thread.sleep(Math.max(0, DOWN.toMillis() - (System.nanoTime() - killedAt) / 1_000_000));
            cluster.database.restart();
            for (ServiceProcess replica : all) {
                Await.until(() -> status(replica, "/q/health/ready") == 200, Duration.ofMinutes(1));
            }
            campaign.awaitCompletion(Duration.ofMinutes(10));
            // Every messaging replica's window at once: both lost their database with sends in flight.
            campaign.assertGuarantees(ReplicatedSuite.REPLICAS * ReplicaKillTest.ONE_REPLICAS_WINDOW);
        }
    }

    private static int status(ServiceProcess replica, String path) {
        try {
            return Http.management(replica.url(), path).status();
        } catch (Exception e) {
            return -1;
        }
    }
}
