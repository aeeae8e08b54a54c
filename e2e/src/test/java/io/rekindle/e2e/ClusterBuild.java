package io.rekindle.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The services as a cluster runs them: the {@code -Dcluster} build, without the embedded PostgreSQL extension, packaged
 * beside the usual one ({@code target/quarkus-cluster-app}). Built once per run, by the tests that need it, with the
 * Maven that runs the tests.
 */
final class ClusterBuild {

    static final String APP = "quarkus-cluster-app";

    private ClusterBuild() {
    }

    /** The cluster build's runnable jar of this service, built first if it is missing or older than the usual one. */
    static synchronized Path jar(String service) throws IOException, InterruptedException {
        if (FourServices.NAMES.stream().anyMatch(ClusterBuild::stale)) {
            build();
        }
        return app(service);
    }

    private static Path app(String service) {
        return ServiceProcess.root().resolve(service + "-service/target/" + APP + "/quarkus-run.jar");
    }

    private static boolean stale(String service) {
        Path usual = ServiceProcess.root().resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        try {
            return !Files.exists(app(service))
                    || Files.getLastModifiedTime(app(service)).compareTo(Files.getLastModifiedTime(usual)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void build() throws IOException, InterruptedException {
        Path root = ServiceProcess.root();
        build(root, root.resolve("e2e/target/cluster-build.log"));
    }

    /** The cluster build of the four services of the source tree at {@code root} (this one, or a previous release). */
    static void build(Path root, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "package", "-Dcluster", "-DskipTests",
                "-Dquarkus.package.output-directory=" + APP, "-am", "-pl",
                "segment-service,scenario-service,messaging-service,survey-service"));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("the -Dcluster build failed (" + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    /** The Maven running these tests ({@code maven.home}), else the one on the path. */
    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}
