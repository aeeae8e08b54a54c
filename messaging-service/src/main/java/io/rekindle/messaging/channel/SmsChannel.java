package io.rekindle.messaging.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.messaging.config.MessagingConfig;

/** SMS through a Twilio-compatible Messages API, with a status callback to our Twilio webhook. */
@ApplicationScoped
public class SmsChannel implements ProviderChannel {

    private final HttpProvider provider = new HttpProvider("SMS provider");
    private final ObjectMapper mapper;
    private final String url;
    private final String accountSid;
    private final String authToken;
    private final Duration timeout;
    private final String from;
    private final String statusCallback;
    private final RateLimiter rate;

    SmsChannel(ObjectMapper mapper, MessagingConfig config) {
        MessagingConfig.Sms.Twilio twilio = config.sms().twilio();
        this.mapper = mapper;
        this.url = twilio.url();
        this.accountSid = twilio.accountSid();
        this.authToken = twilio.authToken();
        this.timeout = twilio.timeout();
        this.from = config.sms().from();
        this.statusCallback = config.publicUrl() + "/v1/webhooks/twilio";
        this.rate = new RateLimiter(config.sms().ratePerSecond());
    }

    @Override
    public String send(Outgoing message) throws ProviderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.recipient());
        form.put("From", from);
        form.put("Body", message.content().text());
        form.put("StatusCallback", statusCallback);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/2010-04-01/Accounts/" + accountSid
                + "/Messages.json")).timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        rate.acquire();
        String answer = provider.send(request);
        try {
            return mapper.readTree(answer).path("sid").asText(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
