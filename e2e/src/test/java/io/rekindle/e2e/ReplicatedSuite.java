package io.rekindle.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services as a cluster runs them: two replicas of each service's cluster build on its own database of one
 * {@link DatabaseServer}, each service reached (by its callers and by the other services alike) through one
 * {@link LoadBalancer} address, so every queue, outbox, feed and timer is drained by two processes at once.
 */
final class ReplicatedSuite implements AutoCloseable {

    static final int REPLICAS = 2;

    private final Map<String, List<ServiceProcess>> replicas = new LinkedHashMap<>();
    private LoadBalancer balancer;

    /** Starts the balancer and both replicas of every service, with these variables besides peers and database. */
    static ReplicatedSuite start(Path runDir, DatabaseServer database, Map<String, String> variables)
            throws Exception {
        ReplicatedSuite suite = new ReplicatedSuite();
        Map<String, Integer> ports = LoadBalancer.choosePorts(FourServices.NAMES);
        Map<String, List<String>> urls = new LinkedHashMap<>();
        for (String service : FourServices.NAMES) {
            List<ServiceProcess> of = new ArrayList<>();
            for (int i = 1; i <= REPLICAS; i++) {
                of.add(ServiceProcess.prepareCluster(service, runDir.resolve("replica-" + i)));
            }
            suite.replicas.put(service, of);
            urls.put(service, of.stream().map(ServiceProcess::url).toList());
        }
        try {
            suite.balancer = LoadBalancer.start(runDir.resolve("balancer"), ports, urls);
            Map<String, String> env = new LinkedHashMap<>();
            ports.forEach((name, port) -> env.put("QUARKUS_REST_CLIENT_" + name.toUpperCase() + "_URL",
                    LoadBalancer.url(port)));
            env.putAll(variables);
            for (Map.Entry<String, List<ServiceProcess>> service : suite.replicas.entrySet()) {
                Map<String, String> own = new LinkedHashMap<>(env);
                own.putAll(database.environment(service.getKey()));
                // Links in mail and survey pages point at the service's one address, not at a replica.
                own.put("REKINDLE_PUBLIC_URL", LoadBalancer.url(ports.get(service.getKey())));
                for (ServiceProcess replica : service.getValue()) {
                    replica.start(own);
                }
            }
        } catch (Exception e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /** The service's one address, behind which its replicas take turns. */
    String url(String service) {
        return balancer.url(service);
    }

    List<ServiceProcess> replicas(String service) {
        return replicas.get(service);
    }

    /** Every replica of every service. */
    List<ServiceProcess> all() {
        return replicas.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public void close() throws Exception {
        for (List<ServiceProcess> of : replicas.values()) {
            for (ServiceProcess replica : of) {
                replica.close();
            }
        }
        if (balancer != null) {
            balancer.close();
        }
    }
}
