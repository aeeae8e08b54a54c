package io.rekindle.e2e;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.rekindle.bench.FreePort;

/**
 * One service run from its packaged jar ({@code <service>-service/target/quarkus-app}) as a separate process, with its
 * embedded PostgreSQL under its own working directory, so a test can kill it the way a node dies: SIGKILL to the JVM
 * and to the database server together, then start it again on the same data.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The embedded PostgreSQL port each service's jar was built with (fixed at build time). */
    static final Map<String, Integer> DATABASE_PORTS = Map.of("segment", 15431, "scenario", 15432,
            "messaging", 15433, "survey", 15434);
    public static final String API_KEY = "e2e-admin-key-for-the-test-suite";
    public static final String STOREFRONT_KEY = "e2e-storefront-key-for-the-tests";
    public static final String SERVICE_KEY = "e2e-service-key-for-the-test-suite";
    /**
     * What a production start needs besides the API keys (the services run their production profile here, as in a
     * cluster): every secret from the environment, none of the repository's development values.
     */
    static final Map<String, String> PRODUCTION_SECRETS = Map.of("REKINDLE_ERASURE_SALT", "e2e-erasure-salt-0001",
            "REKINDLE_ASSIGNMENT_SALT", "e2e-assignment-salt-0001", "REKINDLE_TWILIO_AUTH_TOKEN",
            "e2e-twilio-auth-token-0001", "REKINDLE_FCM_ACCESS_TOKEN", "e2e-fcm-access-token-0001",
            "REKINDLE_LINK_KEYS", "e2e-link-key-signing-public-links", "REKINDLE_SURVEY_KEYS",
            "e2e-survey-key-signing-personal-links");

    private final String service;
    private final Path workDir;
    private final boolean cluster;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final int port;
    /** The jar this process runs instead of this tree's build (a previous release's), if any. */
    private final Path release;
    private Process process;

    private ServiceProcess(String service, Path workDir, boolean cluster) {
        this(service, workDir, cluster, FreePort.chooseForService(), null);
    }

    private ServiceProcess(String service, Path workDir, boolean cluster, int port, Path release) {
        this.service = service;
        this.workDir = workDir;
        this.cluster = cluster;
        this.port = port;
        this.release = release;
    }

    /**
     * The same replica (port, environment) run from another release's jar, in a directory of its own; not started.
     * Stop this one before starting it: they share the port its balancer routes to.
     */
    public ServiceProcess asRelease(Path jar, Path runDir) {
        ServiceProcess other = new ServiceProcess(service, runDir.resolve(service), true, port, jar);
        other.env.putAll(env);
        return other;
    }

    /** A service with its port chosen, not started yet (so the others can be told where it will be). */
    public static ServiceProcess prepare(String service, Path runDir) {
        return new ServiceProcess(service, runDir.resolve(service), false);
    }

    /** As {@link #prepare}, from the cluster build ({@link ClusterBuild}): it needs a database server to be given. */
    public static ServiceProcess prepareCluster(String service, Path runDir) {
        return new ServiceProcess(service, runDir.resolve(service), true);
    }

    /** Starts the service with these environment variables (besides its port and the API key) and waits until ready. */
    public static ServiceProcess start(String service, Path runDir, Map<String, String> env) throws Exception {
        return prepare(service, runDir).start(env);
    }

    /** Starts the service with the environment it was prepared with. */
    public ServiceProcess start() throws Exception {
        return start(Map.of());
    }

    public ServiceProcess start(Map<String, String> variables) throws Exception {
        env.putAll(variables);
        Files.createDirectories(workDir);
        launch();
        return this;
    }

    public static Path root() {
        return Path.of(System.getProperty("rekindle.root", "..")).toAbsolutePath().normalize();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String service() {
        return service;
    }

    private void launch() throws Exception {
        Path jar = release != null ? release : cluster ? ClusterBuild.jar(service)
                : root().resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with `mvn verify`, which packages the "
                    + "services before this module");
        }
        int dbPort = DATABASE_PORTS.get(service);
        if (!cluster && inUse(dbPort)) {
            throw new IllegalStateException("port " + dbPort + " (" + service + "-service's embedded PostgreSQL) is "
                    + "in use: is `./rekindle up` running? Stop it with `./rekindle down` before the e2e tests");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(PRODUCTION_SECRETS);
        builder.environment().put("REKINDLE_PUBLIC_URL", url());
        builder.environment().put("REKINDLE_API_KEY", API_KEY);
        builder.environment().put("REKINDLE_STOREFRONT_KEYS", STOREFRONT_KEY);
        builder.environment().put("REKINDLE_SERVICE_KEYS", SERVICE_KEY);
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(port + FreePort.MANAGEMENT_OFFSET));
        process = builder.start();
        awaitReady(Duration.ofMinutes(3));
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + "-service exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create(FreePort.managementUrl(url()) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + "-service not ready after " + timeout + ":\n" + tail());
    }

    /**
     * SIGKILL to the service and its database server (and the server's backends), as when the node dies: no shutdown
     * hook runs, nothing is flushed but what PostgreSQL had committed.
     */
    public void kill() throws Exception {
        List<ProcessHandle> roots = new ArrayList<>(List.of(process.toHandle()));
        postmaster().ifPresent(roots::add);
        ProcessTrees.sigkill(roots);
    }

    /** A rolling restart: stops the service gracefully and starts it again with these variables changed. */
    public void restart(Map<String, String> changed) throws Exception {
        close();
        env.putAll(changed);
        launch();
    }

    /** Starts the service again on the same data and port. */
    public void restart() throws Exception {
        launch();
    }

    private java.util.Optional<ProcessHandle> postmaster() throws IOException {
        return ProcessTrees.postmaster(workDir.resolve("data/" + service + "/pg"));
    }

    public Path log() {
        return workDir.resolve(service + ".log");
    }

    private String tail() throws IOException {
        List<String> lines = Files.exists(log()) ? Files.readAllLines(log()) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A graceful stop (SIGTERM: the service and its database shut down cleanly). */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
        java.util.Optional<ProcessHandle> leftover = postmaster();
        if (leftover.isPresent() && leftover.get().isAlive()) {
            kill();
        }
    }

    private static boolean inUse(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
