package io.rekindle.messaging.dispatch;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.rekindle.platform.http.ApiKeys;

/** Reads customer profiles, and the products recommended to them, from segment-service at send time. */
@ApplicationScoped
public class ProfileDirectory {

    /** segment-service could not answer; the message waits and tries again. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper;
    private final String authorization;
    private final String segmentUrl;

    ProfileDirectory(ObjectMapper mapper, ApiKeys keys,
            @ConfigProperty(name = "quarkus.rest-client.segment.url") String segmentUrl) {
        this.mapper = mapper;
        this.authorization = keys.peerAuthorization();
        this.segmentUrl = segmentUrl;
    }

    /**
     * The profiles of these customers, read in one call (without the computed metrics, which sending does not use):
     * each customer maps to its profile, or to empty when segment-service does not know them.
     *
     * @throws Unavailable when segment-service could not answer
     */
    public Map<String, Optional<Profile>> findAll(List<String> customerIds) {
        Map<String, Optional<Profile>> profiles = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return profiles;
        }
        customerIds.forEach(id -> profiles.put(id, Optional.empty()));
        String body;
        try {
            body = mapper.writeValueAsString(Map.of("customerIds", customerIds, "withMetrics", false));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest lookup = request("/v1/customers/lookup").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = exchange(lookup);
        } catch (Unavailable e) {
            // A read, safe to ask again: the pooled connection it went out on may have been closed by the server
            // meanwhile (the client retries only GETs by itself).
            response = exchange(lookup);
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("segment-service answered " + response.statusCode() + " for profiles", null);
        }
        for (JsonNode p : json(response.body(), mapper.reader()).path("customers")) {
            String id = text(p, "customerId");
            if (profiles.containsKey(id)) {
                profiles.put(id, Optional.of(profile(p)));
            }
        }
        return profiles;
    }

    private Profile profile(JsonNode p) {
        Map<String, Object> view = mapper.convertValue(p, new TypeReference<Map<String, Object>>() {
        });
        view.remove("metrics");
        return new Profile(text(p, "customerId"), text(p, "email"), text(p, "phone"), text(p, "pushToken"),
                text(p, "locale"), text(p, "timezone"), text(p, "country"),
                p.path("consents").path("email").path("granted").asBoolean(),
                p.path("consents").path("sms").path("granted").asBoolean(),
                p.path("consents").path("push").path("granted").asBoolean(), text(p.path("hygiene"), "status"), view);
    }

    /**
     * The recommendations block: products segment-service recommends for the customer. The step's variables choose
     * the strategy ({@code recommendationStrategy}: last-category, viewed-similar, bestsellers) and how many
     * ({@code recommendationCount}, default 4); none when segment-service has none for them.
     */
    public List<Map<String, Object>> recommendations(String customerId, Map<String, Object> variables) {
        Object strategy = variables == null ? null : variables.get("recommendationStrategy");
        Object count = variables == null ? null : variables.get("recommendationCount");
        HttpResponse<byte[]> response = get("/v1/customers/" + segment(customerId) + "/recommendations?strategy="
                + segment(strategy == null ? "last-category" : strategy.toString()) + "&limit="
                + (count instanceof Number n ? n.intValue() : 4));
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("segment-service answered " + response.statusCode() + " for recommendations", null);
        }
        // Prices as sent (89.90, not 89.9).
        JsonNode body = json(response.body(), mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES));
        List<Map<String, Object>> products = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            Map<String, Object> product = new LinkedHashMap<>();
            item.fields().forEachRemaining(f -> product.put(f.getKey(), f.getValue().isNumber()
                    ? f.getValue().decimalValue().toPlainString() : f.getValue().asText(null)));
            products.add(product);
        }
        return products;
    }

    // A plain JDK client: this runs on the dispatcher's own threads, many times a second, where the blocking REST
    // client's answers (404s above all) came back an order of magnitude slower.
    private HttpResponse<byte[]> get(String path) {
        return exchange(request(path).GET().build());
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("segment-service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(segmentUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization);
    }

    private static JsonNode json(byte[] body, ObjectReader reader) {
        try {
            return reader.readTree(body);
        } catch (IOException e) {
            throw new Unavailable("segment-service answered something that is not JSON: " + e.getMessage(), e);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
