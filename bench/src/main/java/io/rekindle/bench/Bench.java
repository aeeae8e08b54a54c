package io.rekindle.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a benchmark against a running suite (./rekindle up) and prints its figures.
 * <pre>java -jar bench/target/rekindle-bench.jar segment [--customers 1000000] [--seed 42] [--threads 4]
 * java -jar bench/target/rekindle-bench.jar messaging [--emails 10000] [--warmup 20000] [--threads 4] [--smtp 127.0.0.1:3025]
 * java -jar bench/target/rekindle-bench.jar scenario [--waiting 100000] [--rate 500] [--seconds 60] [--engine-threads 4] [--entries-per-call 1]
 * java -jar bench/target/rekindle-bench.jar sendgrid-public-key
 * java -jar bench/target/rekindle-bench.jar demo-environment (the demo suite's settings, for ./rekindle demo)
 * java -jar bench/target/rekindle-bench.jar demo [--customers 20000] [--days 120] [--seed 42] (through ./rekindle demo)</pre>
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        // The stand-ins are the JDK's HTTP server: without TCP_NODELAY it answers small requests after a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length == 0) {
            System.err.println("usage: rekindle-bench segment [--customers N] [--seed S] [--threads T] [--url U] [--key K] [--db JDBC-URL]\n"
                    + "       rekindle-bench messaging [--emails N] [--warmup N] [--threads T] [--smtp HOST:PORT] [--url U] [--key K]\n"
                    + "       rekindle-bench scenario [--waiting N] [--rate R] [--seconds S] [--engine-threads T] [--entries-per-call N]\n"
                    + "       rekindle-bench sendgrid-public-key\n"
                    + "       rekindle-bench demo-environment\n"
                    + "       rekindle-bench demo [--customers N] [--days D] [--seed S] [--out DIR] [--smtp-port P]");
            System.exit(2);
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        String key = options.getOrDefault("key", System.getenv().getOrDefault("REKINDLE_API_KEY", "rekindle-dev-key"));
        switch (args[0]) {
            case "segment" -> new SegmentBench(new Api(options.getOrDefault("url", "http://localhost:8081"), key),
                    Integer.parseInt(options.getOrDefault("customers", "1000000")),
                    Long.parseLong(options.getOrDefault("seed", "42")),
                    Integer.parseInt(options.getOrDefault("threads", "4")),
                    options.getOrDefault("db", SegmentBench.LOCAL_DATABASE)).run();
            case "messaging" -> {
                String[] smtp = options.getOrDefault("smtp", "127.0.0.1:3025").split(":");
                String url = options.getOrDefault("url", "http://localhost:8083");
                new MessagingBench(new Api(url, key), new io.rekindle.demo.Suite("http://localhost:8081",
                        "http://localhost:8082", url, "http://localhost:8084", key),
                        Integer.parseInt(options.getOrDefault("emails", "10000")),
                        Integer.parseInt(options.getOrDefault("warmup", "20000")),
                        Integer.parseInt(options.getOrDefault("threads", "4")), smtp[0], Integer.parseInt(smtp[1])).run();
            }
            case "scenario" -> new ScenarioBench(Integer.parseInt(options.getOrDefault("waiting", "100000")),
                    Integer.parseInt(options.getOrDefault("rate", "500")),
                    Integer.parseInt(options.getOrDefault("seconds", "60")),
                    Integer.parseInt(options.getOrDefault("engine-threads", "4")),
                    Integer.parseInt(options.getOrDefault("entries-per-call", "1"))).run();
            case "demo" -> io.rekindle.demo.Demo.command(options, key);
            case "sendgrid-public-key" -> System.out.println(SendgridWebhook.publicKey());
            case "demo-environment" -> io.rekindle.demo.Demo.environment(java.time.Instant.now())
                    .forEach((name, value) -> System.out.println(name + "=" + value));
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
