package io.rekindle.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    private final Path dataDir;
    private final int port;
    /** The postmaster's command line as first started, to start it again after a kill. */
    private final List<String> postmasterCommand;
    private Process restarted;

    private DatabaseServer(EmbeddedPostgres server, Path dataDir, int port) throws IOException {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        ProcessHandle.Info info = ProcessTrees.postmaster(dataDir).orElseThrow(() -> new IllegalStateException(
                "no postmaster.pid in " + dataDir)).info();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // As zonky does: PostgreSQL refuses to run as root, so it runs in a user namespace of its own.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(info.command().orElseThrow());
        command.addAll(List.of(info.arguments().orElseThrow()));
        this.postmasterCommand = List.copyOf(command);
    }

    /** Starts a fresh server in {@code dataDir} with a database and a role for each of these services. */
    static DatabaseServer start(Path dataDir, List<String> services) throws IOException, SQLException {
        int port = FreePort.choose();
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                .setCleanDataDirectory(false).setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                // A managed server's default: a commit acknowledged is in the write-ahead log (zonky turns it off).
                .setServerConfig("synchronous_commit", "on").setPGStartupWait(Duration.ofSeconds(60))
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
        return new DatabaseServer(server, dataDir, port);
    }

    /**
     * SIGKILL to the server and every backend, as when the database's node dies: nothing is flushed but what its
     * write-ahead log already held, no client is told goodbye.
     */
    void kill() throws Exception {
        ProcessTrees.sigkill(List.of(ProcessTrees.postmaster(dataDir).orElseThrow(
                () -> new IllegalStateException("not running"))));
    }

    /** Starts the killed server again on its data (crash recovery runs) and waits until it takes connections. */
    void restart() throws Exception {
        restarted = new ProcessBuilder(postmasterCommand).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("restarted-postgres.log")
                        .toFile())).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try (Connection c = connect(ADMIN, ADMIN, ADMIN_PASSWORD)) {
                return;
            } catch (SQLException notYet) {
                if (!restarted.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not come back: " + notYet.getMessage());
                }
                Thread.sleep(200);
            }
        }
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
        // pg_ctl's fast shutdown, which stops a restarted server too: it goes by the data directory.
        server.close();
        if (restarted != null) {
            try {
                if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                    restarted.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
