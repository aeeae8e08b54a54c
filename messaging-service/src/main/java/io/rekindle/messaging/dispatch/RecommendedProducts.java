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

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.messaging.template.LocalizedContent;
import io.rekindle.messaging.template.Template;

/**
 * The recommendations block: products from segment-service ({@code GET /v1/customers/{id}/recommendations}), asked
 * for only when the template uses {@code recommendations}. The step's variables choose the strategy
 * ({@code recommendationStrategy}: last-category, viewed-similar, bestsellers) and how many
 * ({@code recommendationCount}, default 4).
 */
@ApplicationScoped
public class RecommendedProducts {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper;
    private final String authorization;
    private final String segmentUrl;

    RecommendedProducts(ObjectMapper mapper, @ConfigProperty(name = "rekindle.peer-api-key") String peerKey,
            @ConfigProperty(name = "quarkus.rest-client.segment.url") String segmentUrl) {
        this.mapper = mapper;
        this.authorization = "Bearer " + peerKey;
        this.segmentUrl = segmentUrl;
    }

    public static boolean used(Template template) {
        for (LocalizedContent c : template.locales.values()) {
            for (String part : new String[] {c.subject(), c.html(), c.text(), c.title(), c.body(), c.link()}) {
                if (part != null && part.contains("recommendations")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @throws ProfileDirectory.Unavailable when segment-service cannot answer (the message waits and retries) */
    public List<Map<String, Object>> forCustomer(String customerId, Map<String, Object> variables) {
        Object strategy = variables == null ? null : variables.get("recommendationStrategy");
        Object count = variables == null ? null : variables.get("recommendationCount");
        String query = "?strategy=" + URLEncoder.encode(strategy == null ? "last-category" : strategy.toString(),
                StandardCharsets.UTF_8) + "&limit=" + (count instanceof Number n ? n.intValue() : 4);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(segmentUrl + "/v1/customers/"
                    + URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20") + "/recommendations"
                    + query)).timeout(Duration.ofSeconds(10)).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404 || response.statusCode() == 400) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new ProfileDirectory.Unavailable("segment-service answered " + response.statusCode()
                        + " for recommendations", null);
            }
            List<Map<String, Object>> products = new ArrayList<>();
            // Prices as sent (89.90, not 89.9).
            JsonNode body = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(response.body());
            for (JsonNode item : body.path("items")) {
                Map<String, Object> product = new LinkedHashMap<>();
                item.fields().forEachRemaining(f -> product.put(f.getKey(), f.getValue().isNumber()
                        ? f.getValue().decimalValue().toPlainString() : f.getValue().asText(null)));
                products.add(product);
            }
            return products;
        } catch (IOException e) {
            throw new ProfileDirectory.Unavailable("segment-service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfileDirectory.Unavailable("interrupted", e);
        }
    }
}
