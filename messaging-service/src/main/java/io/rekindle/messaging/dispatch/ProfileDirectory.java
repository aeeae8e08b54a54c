package io.rekindle.messaging.dispatch;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads customer profiles from segment-service at send time. */
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

    ProfileDirectory(ObjectMapper mapper, @ConfigProperty(name = "rekindle.peer-api-key") String peerKey,
            @ConfigProperty(name = "quarkus.rest-client.segment.url") String segmentUrl) {
        this.mapper = mapper;
        this.authorization = "Bearer " + peerKey;
        this.segmentUrl = segmentUrl;
    }

    /** The profile, or empty when segment-service does not know the customer (never created, or erased). */
    public Optional<Profile> find(String customerId) {
        // A plain JDK client: this runs on the dispatcher's own threads, many times a second, where the blocking
        // REST client's answers (404s above all) came back an order of magnitude slower.
        JsonNode p;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(segmentUrl + "/v1/customers/"
                    + URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20")))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new Unavailable("segment-service answered " + response.statusCode(), null);
            }
            p = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable("segment-service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
        Map<String, Object> view = mapper.convertValue(p, new TypeReference<Map<String, Object>>() {
        });
        view.remove("metrics");
        return Optional.of(new Profile(text(p, "customerId"), text(p, "email"), text(p, "phone"), text(p, "locale"),
                text(p, "timezone"), text(p, "country"), p.path("consents").path("email").path("granted").asBoolean(),
                p.path("consents").path("sms").path("granted").asBoolean(),
                p.path("consents").path("push").path("granted").asBoolean(), text(p.path("hygiene"), "status"), view));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
