package io.rekindle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its packaged jar for a benchmark, with its embedded PostgreSQL under a fresh working
 * directory (the service's build-time database port must be free: stop ./rekindle first).
 */
final class ServiceJar implements AutoCloseable {

    static final String API_KEY = "bench-key";

    private final Process process;
    private final int port;

    private ServiceJar(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServiceJar start(String service, Path workDir, Map<String, String> env) throws Exception {
        Path jar = Path.of(service + "-service/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -q package -DskipTests -pl " + service + "-service -am");
        }
        int port = FreePort.chooseForService();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(service + ".log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(port + FreePort.MANAGEMENT_OFFSET));
        builder.environment().put("REKINDLE_API_KEY", API_KEY);
        // The development profile of the local run: the benchmark measures, it does not stand in for production.
        builder.environment().put("QUARKUS_PROFILE", "local");
        ServiceJar started = new ServiceJar(builder.start(), port);
        started.awaitReady(workDir.resolve(service + ".log"));
        return started;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; its log: " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(FreePort.managementUrl(url()) + "/q/health/ready"))
                        .build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not get ready; its log: " + log);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
