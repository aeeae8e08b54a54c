package io.rekindle.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A push consumer of segment-service's change feed on loopback: records every delivery as it came and acknowledges
 * it. Delivery is at least once (a replica killed between the subscriber's answer and its commit sends the page
 * again), so a consumer applies each change once by its cursor, as this one counts them.
 */
final class FeedSubscriber implements AutoCloseable {

    private final HttpServer server;
    private final List<List<String>> deliveries = new ArrayList<>();

    private FeedSubscriber(HttpServer server) {
        this.server = server;
    }

    static FeedSubscriber start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FeedSubscriber subscriber = new FeedSubscriber(server);
        server.createContext("/changes", exchange -> {
            JsonNode body = Http.json(new String(exchange.getRequestBody().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            List<String> cursors = new ArrayList<>();
            body.path("changes").forEach(change -> cursors.add(change.path("cursor").asText()));
            synchronized (subscriber) {
                subscriber.deliveries.add(cursors);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return subscriber;
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/changes";
    }

    /** Each change's cursor once, in the order it first arrived. */
    synchronized List<String> applied() {
        Set<String> seen = new LinkedHashSet<>();
        deliveries.forEach(seen::addAll);
        return new ArrayList<>(seen);
    }

    /** How many changes arrived again, after the first copy. */
    synchronized int repeated() {
        return deliveries.stream().mapToInt(List::size).sum() - applied().size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
