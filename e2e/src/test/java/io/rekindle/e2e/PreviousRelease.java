package io.rekindle.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The release before this one, as a platform team still runs it during a rolling upgrade: the commit recorded in
 * {@code e2e/previous-release} (the last one that landed before the current migrations), exported from this
 * repository's history with {@code git archive} into {@code e2e/target/previous-release/<commit>} and given its
 * {@code -Dcluster} build there, once; later runs reuse it.
 */
final class PreviousRelease {

    private PreviousRelease() {
    }

    static String commit() throws IOException {
        return Files.readAllLines(ServiceProcess.root().resolve("e2e/previous-release")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                .orElseThrow(() -> new IllegalStateException("e2e/previous-release names no commit"));
    }

    /** The previous release's cluster-build jar of this service, exported and built first if missing. */
    static synchronized Path jar(String service) throws IOException, InterruptedException {
        Path tree = ServiceProcess.root().resolve("e2e/target/previous-release/" + commit());
        Path jar = tree.resolve(service + "-service/target/" + ClusterBuild.APP + "/quarkus-run.jar");
        if (FourServices.NAMES.stream().anyMatch(s -> !Files.exists(tree.resolve(s + "-service/target/"
                + ClusterBuild.APP + "/quarkus-run.jar")))) {
            export(tree);
            ClusterBuild.build(tree, tree.resolve("previous-release-build.log"));
        }
        return jar;
    }

    private static void export(Path tree) throws IOException, InterruptedException {
        Files.createDirectories(tree);
        Path log = tree.resolve("export.log");
        Process p = new ProcessBuilder("sh", "-c", "git archive --format=tar \"$0\" | tar -x -C \"$1\"",
                commit(), tree.toString()).directory(ServiceProcess.root().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("could not export " + commit() + " from this repository's history (a "
                    + "shallow clone lacks it: fetch it, or clone with history): " + String.join("\n",
                            Files.exists(log) ? Files.readAllLines(log) : List.of()));
        }
    }
}
