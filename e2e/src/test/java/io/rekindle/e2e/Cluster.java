package io.rekindle.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.rekindle.bench.SendgridWebhook;

/**
 * The topology a platform team runs, started once for every test class that asks for it
 * ({@code @ExtendWith(Cluster.Shared.class)}, the cluster as a parameter): one standalone {@link DatabaseServer}, two
 * replicas of every service's cluster build behind the {@link LoadBalancer}, one SMTP server. A test that takes a
 * part down brings it back before it ends; each works on customers and segments of its own.
 */
final class Cluster implements AutoCloseable {

    /**
     * Short leases, so a killed replica's claims come back within seconds instead of the production minutes, and a
     * short retry ceiling for journeys, so a peer back after minutes is called again within seconds.
     */
    private static final Map<String, String> TIMINGS = Map.of("REKINDLE_SENDING_LEASE", "PT10S",
            "REKINDLE_SCENARIOS_LEASE", "PT10S", "REKINDLE_SUBSCRIPTIONS_LEASE", "PT10S",
            "REKINDLE_OUTBOX_LEASE", "PT10S", "REKINDLE_SCENARIOS_RETRY_MAX", "PT15S");

    final Path runDir;
    final GreenMail smtp;
    final DatabaseServer database;
    final ReplicatedSuite suite;

    private Cluster(Path runDir, GreenMail smtp, DatabaseServer database, ReplicatedSuite suite) {
        this.runDir = runDir;
        this.smtp = smtp;
        this.database = database;
        this.suite = suite;
    }

    static Cluster start() throws Exception {
        Path runDir = ServiceProcess.root().resolve("e2e/target/cluster-run");
        deleteTree(runDir);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        DatabaseServer database = null;
        try {
            database = DatabaseServer.start(runDir.resolve("database"), FourServices.NAMES);
            Map<String, String> env = new LinkedHashMap<>(TIMINGS);
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()));
            env.put("REKINDLE_SENDGRID_WEBHOOK_KEY", SendgridWebhook.publicKey());
            // The tests' change-feed subscriber listens on loopback, over plain http.
            env.put("REKINDLE_OUTBOUND_ALLOW_HTTP", "true");
            env.put("REKINDLE_OUTBOUND_ALLOWED_RANGES", "127.0.0.0/8");
            return new Cluster(runDir, smtp, database, ReplicatedSuite.start(runDir, database, env));
        } catch (Exception e) {
            if (database != null) {
                database.close();
            }
            smtp.stop();
            throw e;
        }
    }

    String url(String service) {
        return suite.url(service);
    }

    @Override
    public void close() throws Exception {
        try {
            suite.close();
        } finally {
            try {
                database.close();
            } finally {
                smtp.stop();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Gives test methods the one cluster of the run, started by the first that asks and stopped after the last. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Cluster.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // The root store closes what it holds (AutoCloseable) when the whole run ends.
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Cluster.class,
                    type -> {
                        try {
                            return start();
                        } catch (Exception e) {
                            throw new IllegalStateException("the cluster did not start: " + e.getMessage(), e);
                        }
                    }, Cluster.class);
        }
    }
}
