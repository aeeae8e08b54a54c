package io.rekindle.messaging.channel;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.messaging.config.MessagingConfig;

/** Push through the FCM HTTP v1 API (messages:send) with an OAuth 2 access token. */
@ApplicationScoped
public class PushChannel implements ProviderChannel {

    private final HttpProvider provider = new HttpProvider("FCM");
    private final ObjectMapper mapper;
    private final String url;
    private final String project;
    private final String accessToken;
    private final Duration timeout;
    private final RateLimiter rate;

    PushChannel(ObjectMapper mapper, MessagingConfig config) {
        MessagingConfig.Push.Fcm fcm = config.push().fcm();
        this.mapper = mapper;
        this.url = fcm.url();
        this.project = fcm.project();
        this.accessToken = fcm.accessToken();
        this.timeout = fcm.timeout();
        this.rate = new RateLimiter(config.push().ratePerSecond());
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
                .timeout(timeout).header("Authorization", "Bearer " + accessToken)
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
