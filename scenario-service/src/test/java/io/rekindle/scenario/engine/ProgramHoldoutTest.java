package io.rekindle.scenario.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioDefinition;
import io.rekindle.scenario.scenario.ScenarioView;
import io.rekindle.scenario.support.PeerStandIn;

/**
 * With a program-wide holdout of 30%, the same customers are kept out of two re-engagement scenarios, about 30% of
 * them, and none of a transactional one; each keeps the side first recorded when the share changes later; the
 * pre-entry figures the profile carries are stored with the enrollment.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class ProgramHoldoutTest {

    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    Traces traces;
    @Inject
    ScenarioCatalog catalog;
    @Inject
    ObjectMapper mapper;

    @Test
    void theSameCustomersAreHeldOutOfEveryScenarioButNoTransactionalOne() throws Exception {
        Assignment assignment = new Assignment("program-holdout-test");
        Enrollments enrollments = new Enrollments(dataSource, clock, assignment, traces,
                new ProgramHoldout(assignment, 0.3));
        ScenarioView winBack = scenario("win back", false);
        ScenarioView browse = scenario("browse", false);
        ScenarioView receipt = scenario("receipt", true);
        Set<String> keptOutOfWinBack = new HashSet<>();
        Set<String> keptOutOfBrowse = new HashSet<>();
        int n = 600;
        for (int i = 0; i < n; i++) {
            String customer = "ph-" + i;
            Profile profile = profile(i % 3, 40.0 * (i % 3));
            if (enrollments.enroll(winBack, customer, null, profile).isEmpty()) {
                keptOutOfWinBack.add(customer);
            }
            if (enrollments.enroll(browse, customer, null, profile).isEmpty()) {
                keptOutOfBrowse.add(customer);
            }
            assertTrue(enrollments.enroll(receipt, customer, null, profile).isPresent(), "transactional: " + customer);
        }
        assertEquals(keptOutOfWinBack, keptOutOfBrowse);
        assertEquals(0.3, (double) keptOutOfWinBack.size() / n, 3 * Math.sqrt(0.3 * 0.7 / n));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(keptOutOfWinBack.size(), count(c, "SELECT count(*) FROM program_member WHERE held_out "
                    + "AND customer_id LIKE 'ph-%'"));
            assertEquals(n, count(c, "SELECT count(*) FROM program_member WHERE customer_id LIKE 'ph-%'"));
            assertEquals(40, count(c, "SELECT pre_entry_revenue FROM enrollment WHERE customer_id = 'ph-1' "
                    + "AND scenario_id = '" + receipt.id() + "'"));
            assertEquals(2, count(c, "SELECT pre_entry_orders FROM enrollment WHERE customer_id = 'ph-2' "
                    + "AND scenario_id = '" + receipt.id() + "'"));
        }
        // A larger share later moves nobody already recorded.
        Enrollments moreHeldOut = new Enrollments(dataSource, clock, assignment, traces,
                new ProgramHoldout(assignment, 0.5));
        ScenarioView later = scenario("later", false);
        for (int i = 0; i < n; i++) {
            String customer = "ph-" + i;
            assertEquals(keptOutOfWinBack.contains(customer),
                    moreHeldOut.enroll(later, customer, null, profile(0, 0)).isEmpty(), customer);
        }
    }

    private Profile profile(int orders, double revenue) {
        return new Profile(mapper.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("recentSpend",
                mapper.createObjectNode().put("days", 180).put("orders", orders).put("revenue", revenue)));
    }

    private ScenarioView scenario(String name, boolean transactional) throws Exception {
        return catalog.create(mapper.readValue("""
                {"name":"%s","transactional":%s,"trigger":{"type":"event","events":["program_holdout_test"]},
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"t"}]}"""
                .formatted(name, transactional), ScenarioDefinition.class));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
