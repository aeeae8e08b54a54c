package io.rekindle.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The four services started together from their packaged jars, each told where the others are. */
final class FourServices implements AutoCloseable {

    static final List<String> NAMES = List.of("segment", "scenario", "messaging", "survey");

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    /** Starts all four with these environment variables besides the peers' URLs (and the secrets every
     * service process gets). */
    static FourServices start(Path runDir, Map<String, String> variables) throws Exception {
        return start(runDir, variables, service -> Map.of());
    }

    /** As {@link #start(Path, Map)}, each service also given its own variables (such as its database). */
    static FourServices start(Path runDir, Map<String, String> variables,
            Function<String, Map<String, String>> perService) throws Exception {
        FourServices suite = new FourServices();
        for (String s : NAMES) {
            suite.services.put(s, ServiceProcess.prepare(s, runDir));
        }
        Map<String, String> env = new LinkedHashMap<>();
        suite.services.forEach((name, p) -> env.put("QUARKUS_REST_CLIENT_" + name.toUpperCase() + "_URL", p.url()));
        env.putAll(variables);
        try {
            for (Map.Entry<String, ServiceProcess> p : suite.services.entrySet()) {
                Map<String, String> own = new LinkedHashMap<>(env);
                own.putAll(perService.apply(p.getKey()));
                p.getValue().start(own);
            }
        } catch (Exception e) {
            // The ones already up would hold their ports (and their databases') for the tests that come next.
            suite.close();
            throw e;
        }
        return suite;
    }

    String url(String service) {
        return services.get(service).url();
    }

    ServiceProcess process(String service) {
        return services.get(service);
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess p : services.values()) {
            p.close();
        }
    }
}
