package io.rekindle.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault campaign on the two-replica topology: while a campaign runs through the four services, one replica of
 * each service in turn is killed with SIGKILL and started again, the other replica keeping the work going behind the
 * service's one address. {@code -Drekindle.campaign.size=10000} runs the full campaign; CI runs 2,000 sends.
 */
@ExtendWith(Cluster.Shared.class)
class ReplicaKillTest {

    static final int SIZE = Integer.getInteger("rekindle.campaign.size", 2_000);
    /**
     * The window for second copies: what the SMTP server may have accepted from the killed messaging replica
     * without its `sent` committed, that is its sends in flight (rekindle.sending.send-threads: 16) and as many
     * accepted while the previous acceptances were being committed.
     */
    static final int ONE_REPLICAS_WINDOW = 2 * 16;

    @Test
    void oneReplicaOfEachServiceKilledInTurnLosesNothing(Cluster cluster) throws Exception {
        try (Campaign campaign = Campaign.prepare(cluster, "replica-kills", SIZE)) {
            campaign.loadCustomers();
            // Each victim at its own point of the campaign (1/6 to 4/6 of the mail in); a point the flow has already
            // passed means a kill right after the last restart.
            List<String> victims = List.of("segment", "scenario", "messaging", "survey");
            for (int v = 0; v < victims.size(); v++) {
                int point = (v + 1) * SIZE / 6;
                Await.until(() -> campaign.arrived() >= point, Duration.ofMinutes(5));
                ServiceProcess victim = cluster.suite.replicas(victims.get(v)).get(v % ReplicatedSuite.REPLICAS);
                victim.kill();
                Thread.sleep(2_000);
                victim.restart();
            }
            campaign.awaitCompletion(Duration.ofMinutes(10));
            campaign.assertGuarantees(ONE_REPLICAS_WINDOW);
        }
    }
}
