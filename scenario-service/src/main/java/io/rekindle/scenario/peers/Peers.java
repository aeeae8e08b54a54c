package io.rekindle.scenario.peers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.platform.http.ApiKeys;

/**
 * Calls to the other services' REST APIs (their OpenAPI contracts), with the peer API key. A peer that cannot be
 * reached is a {@link PeerUnavailableException}: callers wait and retry, they never fail a customer's journey for it.
 */
@ApplicationScoped
public class Peers {

    public enum Service { SEGMENT, MESSAGING, SURVEY }

    public record Reply(int status, JsonNode body) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /**
     * Calls under way at once from this replica (engine threads, trigger batches and feed reads call side by side),
     * never more than this, so a burst does not open a connection per call to one peer.
     */
    private static final int MAX_IN_FLIGHT = 32;

    private final Config config;
    private final ObjectMapper mapper;
    private final String authorization;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    // Answers are handled on a few threads of our own: the client's default pool started a thread for most calls.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "peer-calls");
                t.setDaemon(true);
                return t;
            }))
            .connectTimeout(Duration.ofSeconds(2)).build();

    Peers(Config config, ObjectMapper mapper, ApiKeys keys) {
        this.config = config;
        this.mapper = mapper;
        this.authorization = keys.peerAuthorization();
    }

    public Reply get(Service service, String path) {
        return call(service, path, "GET", null, Map.of());
    }

    public Reply post(Service service, String path, Object body, Map<String, String> headers) {
        return call(service, path, "POST", body, headers);
    }

    public Reply put(Service service, String path, Object body) {
        return call(service, path, "PUT", body, Map.of());
    }

    public Reply delete(Service service, String path) {
        return call(service, path, "DELETE", null, Map.of());
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A POST under way; {@link #await} answers it as {@link #post} would. */
    public CompletableFuture<Reply> postAsync(Service service, String path, Object body) {
        return callAsync(service, path, "POST", body, Map.of());
    }

    /** The answer of a call under way; a peer that could not answer is a {@link PeerUnavailableException}. */
    public static <T> T await(CompletableFuture<T> reply) {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted");
        }
    }

    private Reply call(Service service, String path, String method, Object body, Map<String, String> headers) {
        return await(callAsync(service, path, method, body, headers));
    }

    private CompletableFuture<Reply> callAsync(Service service, String path, String method, Object body,
            Map<String, String> headers) {
        String base = config.getValue("quarkus.rest-client." + service.name().toLowerCase() + ".url", String.class);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted");
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> inFlight.release()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                throw new PeerUnavailableException(service + " unreachable: " + cause.getMessage());
            }
            if (response.statusCode() >= 500 || response.statusCode() == 429) {
                throw new PeerUnavailableException(service + " answered " + response.statusCode());
            }
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? mapper.nullNode()
                    : parse(text));
        });
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }
}
