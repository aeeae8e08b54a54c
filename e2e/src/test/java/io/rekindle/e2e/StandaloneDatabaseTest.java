package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The four services' cluster builds ({@code -Dcluster}, no embedded PostgreSQL) on one standalone PostgreSQL server,
 * as the chart runs them: each service's replicas on its own database as its own role, over TCP with a password.
 */
@ExtendWith(Cluster.Shared.class)
class StandaloneDatabaseTest {

    @Test
    void eachServiceMigratedItsOwnDatabaseAsItsOwnRoleAndStartedNoServerOfItsOwn(Cluster cluster) throws Exception {
        DatabaseServer database = cluster.database;
        for (String service : FourServices.NAMES) {
            try (Connection c = database.connect(service, service, DatabaseServer.password(service))) {
                List<String> owners = strings(c, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'");
                assertEquals(List.of(service), owners, service + "'s tables belong to its role alone");
                assertTrue(Integer.parseInt(strings(c, "SELECT count(*) FROM flyway_schema_history WHERE success")
                        .get(0)) > 0, service + "'s migrations ran in its database");
            }
            for (int replica = 1; replica <= ReplicatedSuite.REPLICAS; replica++) {
                assertFalse(Files.exists(cluster.runDir.resolve("replica-" + replica).resolve(service)
                        .resolve("data/" + service + "/pg")), service + " started an embedded server of its own");
            }
        }
    }

    @Test
    void aServiceRoleReachesOnlyItsOwnDatabaseAndOnlyWithItsPassword(Cluster cluster) {
        DatabaseServer database = cluster.database;
        SQLException foreign = assertThrows(SQLException.class,
                () -> database.connect("scenario", "segment", DatabaseServer.password("segment")).close());
        assertTrue(foreign.getMessage().contains("permission denied"), foreign.getMessage());
        SQLException guessed = assertThrows(SQLException.class,
                () -> database.connect("segment", "segment", "not-the-password").close());
        assertTrue(guessed.getMessage().contains("password authentication failed"), guessed.getMessage());
        SQLException admin = assertThrows(SQLException.class,
                () -> database.connect("segment", DatabaseServer.ADMIN, "").close());
        assertTrue(admin.getMessage().contains("password"), admin.getMessage());
    }

    @Test
    void whatTheStorefrontWritesLandsInSegmentServicesDatabase(Cluster cluster) throws Exception {
        DatabaseServer database = cluster.database;
        Http.Reply written = Http.put(cluster.url("segment") + "/v1/customers/standalone-1",
                "{\"email\":\"ada@example.org\",\"consents\":{\"email\":true}}");
        assertTrue(written.status() / 100 == 2, written.body());
        try (Connection c = database.connect("segment", "segment", DatabaseServer.password("segment"))) {
            assertEquals(List.of("ada@example.org"),
                    strings(c, "SELECT email FROM customer WHERE customer_id = 'standalone-1'"));
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
