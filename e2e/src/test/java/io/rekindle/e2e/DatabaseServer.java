package io.rekindle.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.rekindle.bench.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One standalone PostgreSQL server, as a cluster gives the services: its own process (the PostgreSQL binaries from
 * Maven Central), reached over TCP, one database per service owned by a role of that service's name, each role with
 * its own password and no right to connect to another service's database; every connection authenticates with a
 * password (scram-sha-256), the administrator's too.
 */
final class DatabaseServer implements AutoCloseable {

    static final String ADMIN = "postgres";
    static final String ADMIN_PASSWORD = "e2e-database-administrator-password";

    private final EmbeddedPostgres server;
    private final int port;

    private DatabaseServer(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a fresh server in {@code dataDir} with a database and a role for each of these services. */
    static DatabaseServer start(Path dataDir, List<String> services) throws IOException, SQLException {
        int port = FreePort.choose();
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                .setCleanDataDirectory(false).setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256").setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + ADMIN + " PASSWORD '" + ADMIN_PASSWORD + "'");
            for (String service : services) {
                s.execute("CREATE ROLE " + service + " LOGIN PASSWORD '" + password(service) + "'");
                s.execute("CREATE DATABASE " + service + " OWNER " + service);
                s.execute("REVOKE ALL ON DATABASE " + service + " FROM PUBLIC");
            }
            // From now on nobody connects without a password, as on a managed server.
            Files.writeString(dataDir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new DatabaseServer(server, port);
    }

    static String password(String service) {
        return "e2e-" + service + "-database-password";
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** What a service's pod is given to reach its own database. */
    Map<String, String> environment(String service) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(service), "QUARKUS_DATASOURCE_USERNAME", service,
                "QUARKUS_DATASOURCE_PASSWORD", password(service));
    }

    Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
