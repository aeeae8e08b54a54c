package io.rekindle.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rekindle.bench.FreePort;

/**
 * One address per service in front of its replicas, as a Kubernetes Service gives: Debian's HAProxy (installed by
 * {@code src/test/cluster/ensure-haproxy}), round robin, a replica taken out while its readiness check fails and a
 * request refused by a dead one sent to another. It balances every request, not every connection (a kube-proxy
 * Service balances connections, so a caller's pooled connection stays on one pod): with two replicas a caller's
 * requests alternate, the harder case for work shared through the database.
 */
final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final Map<String, Integer> ports;

    private LoadBalancer(Process process, Map<String, Integer> ports) {
        this.process = process;
        this.ports = ports;
    }

    /** Chooses a port per service; {@link #start} then balances each over its replicas. */
    static Map<String, Integer> choosePorts(List<String> services) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach(s -> ports.put(s, FreePort.choose()));
        return ports;
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** @param replicas each service's replicas' base URLs ({@code http://127.0.0.1:<port>}) */
    static LoadBalancer start(Path dir, Map<String, Integer> ports, Map<String, List<String>> replicas)
            throws IOException, InterruptedException {
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch
                    option http-server-close
                """);
        ports.forEach((service, port) -> {
            cfg.append("frontend ").append(service).append("\n    bind 127.0.0.1:").append(port)
                    .append("\n    default_backend ").append(service).append("-replicas\n");
            cfg.append("backend ").append(service).append("-replicas\n    balance roundrobin\n")
                    .append("    option httpchk GET /q/health/ready\n");
            int n = 1;
            for (String replica : replicas.get(service)) {
                int replicaPort = Integer.parseInt(replica.substring(replica.lastIndexOf(':') + 1));
                cfg.append("    server ").append(service).append('-').append(n++).append(" 127.0.0.1:")
                        .append(replicaPort).append(" check port ").append(replicaPort + FreePort.MANAGEMENT_OFFSET)
                        .append(" inter 500ms fall 2 rise 1\n");
            }
        });
        Files.createDirectories(dir);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, cfg);
        Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        LoadBalancer balancer = new LoadBalancer(process, ports);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        for (int port : ports.values()) {
            while (!listening(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    balancer.close();
                    throw new IllegalStateException("haproxy did not start: " + Files.readString(dir.resolve(
                            "haproxy.log")));
                }
                Thread.sleep(50);
            }
        }
        return balancer;
    }

    String url(String service) {
        return url(ports.get(service));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
