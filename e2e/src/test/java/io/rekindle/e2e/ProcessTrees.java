package io.rekindle.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The processes the fault tests kill: a PostgreSQL server found by its data directory, a tree killed at once. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /** The PostgreSQL server running on this data directory, by its {@code postmaster.pid}, if any. */
    static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pid)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
        }
    }

    /** SIGKILL to these processes and all their descendants together, then waits until every one has exited. */
    static void sigkill(List<ProcessHandle> roots) throws Exception {
        List<ProcessHandle> victims = new ArrayList<>();
        for (ProcessHandle root : roots) {
            victims.add(root);
            root.descendants().forEach(victims::add);
        }
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
