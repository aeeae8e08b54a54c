package io.rekindle.messaging.channel;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Push through the FCM HTTP v1 API (messages:send) with an OAuth 2 access token. */
@ApplicationScoped
public class PushChannel implements ProviderChannel {

    private final HttpProvider provider = new HttpProvider("FCM");
    private final ObjectMapper mapper;
    private final String url;
    private final String project;
    private final String accessToken;
    private final RateLimiter rate;

    PushChannel(ObjectMapper mapper, @ConfigProperty(name = "rekindle.push.fcm.url") String url,
            @ConfigProperty(name = "rekindle.push.fcm.project") String project,
            @ConfigProperty(name = "rekindle.push.fcm.access-token") String accessToken,
            @ConfigProperty(name = "rekindle.push.rate-per-second") double perSecond) {
        this.mapper = mapper;
        this.url = url;
        this.project = project;
        this.accessToken = accessToken;
        this.rate = new RateLimiter(perSecond);
    }

    @Override
    public String send(Outgoing message) throws ProviderException {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("title", message.content().title());
        notification.put("body", message.content().body());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", message.recipient());
        body.put("notification", notification);
        body.put("data", Map.of("messageId", message.messageId()));
        if (message.content().link() != null) {
            body.put("webpush", Map.of("fcm_options", Map.of("link", message.content().link())));
        }
        String json;
        try {
            json = mapper.writeValueAsString(Map.of("message", body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/projects/" + project + "/messages:send"))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        rate.acquire();
        String answer = provider.send(request);
        try {
            return mapper.readTree(answer).path("name").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
