package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rolling upgrade caught halfway: the databases already migrated by the current release, one replica of every
 * service on the current jars and the other on the previous release's ({@link PreviousRelease}), both behind the
 * service's one address. A campaign runs through the mixed cluster with the fault campaign's guarantees: the previous
 * release's code works on the new schema (the expand-then-contract rule of the README), and the two releases talk to
 * each other through their contracts.
 */
@ExtendWith(Cluster.Shared.class)
class RollingUpgradeTest {

    private static final int SIZE = 500;

    @Test
    void aCampaignRunsThroughOneReplicaOfEachReleaseOnTheMigratedDatabases(Cluster cluster) throws Exception {
        List<ServiceProcess> previous = new ArrayList<>();
        List<ServiceProcess> replaced = new ArrayList<>();
        Path runDir = cluster.runDir.resolve("previous-release");
        try {
            for (String service : FourServices.NAMES) {
                ServiceProcess current = cluster.suite.replicas(service).get(1);
                ServiceProcess old = current.asRelease(PreviousRelease.jar(service), runDir);
                current.close();
                replaced.add(current);
                // The recorded release predates the services' own setting; from this release on it is built in.
                previous.add(old.start(Map.of("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS", "*:future")));
            }
            try (Campaign campaign = Campaign.prepare(cluster, "rolling-upgrade", SIZE)) {
                campaign.loadCustomers();
                campaign.awaitCompletion(Duration.ofMinutes(5));
                campaign.assertGuarantees(0);
            }
            for (ServiceProcess old : previous) {
                double served = io.rekindle.platform.testing.Metrics.sample(Http.metrics(old.url()), "http_server_requests_seconds_count",
                        "uri=\"/v1/");
                assertTrue(served > 0, old.service() + "-service of the previous release ("
                        + PreviousRelease.commit() + ") served no request: the campaign did not go through it");
            }
        } finally {
            for (ServiceProcess old : previous) {
                old.close();
            }
            for (ServiceProcess current : replaced) {
                current.restart();
            }
        }
    }
}
