package io.rekindle.messaging.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.messaging.config.MessagingConfig;
import io.rekindle.platform.http.Problems;
import io.rekindle.platform.http.PublicEndpoint;

/**
 * Amazon SES events delivered by SNS. Authenticated by the SNS message signature (the certificate fetched only from
 * an SNS endpoint) and a TopicArn among {@code rekindle.webhooks.ses.topic-arns}; otherwise 401 and nothing changes.
 * A SubscriptionConfirmation for a known topic is confirmed by visiting its SubscribeURL.
 */
@Path("/v1/webhooks/ses")
@PublicEndpoint
@Tag(name = "Provider webhooks")
public class SesWebhookResource {

    private final EngagementEvents events;
    private final SnsCertificates certificates;
    private final WebhookMeters meters;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration tolerance;
    private final Set<String> topics;

    SesWebhookResource(EngagementEvents events, SnsCertificates certificates, WebhookMeters meters,
            ObjectMapper mapper, Clock clock, MessagingConfig config) {
        this.events = events;
        this.meters = meters;
        this.certificates = certificates;
        this.mapper = mapper;
        this.clock = clock;
        this.tolerance = config.webhooks().tolerance();
        this.topics = Set.copyOf(config.webhooks().ses().topicArns().orElse(List.of()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ses(byte[] body) {
        SnsMessage message;
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || !json.isObject()) {
                return unauthorized();
            }
            message = new SnsMessage(json);
        } catch (IOException e) {
            return unauthorized();
        }
        if (!topics.contains(String.valueOf(message.field("TopicArn"))) || !fresh(message.field("Timestamp"))) {
            return unauthorized();
        }
        boolean signed;
        try {
            signed = certificates.key(message.field("SigningCertURL"))
                    .map(key -> SnsSignature.verify(message, key)).orElse(false);
        } catch (MalformedWebhookException e) {
            signed = false;
        }
        if (!signed) {
            return unauthorized();
        }
        return switch (String.valueOf(message.type())) {
            case "SubscriptionConfirmation" -> certificates.confirm(message.field("SubscribeURL"))
                    ? Response.ok(new WebhookResource.Stored(0, 0)).build()
                    : Problems.of(Response.Status.BAD_GATEWAY, "subscription-not-confirmed",
                            "SNS did not accept the subscription confirmation; SNS will ask again.");
            case "Notification" -> {
                List<ProviderEvent> parsed = SesEvents.parse(json(message.field("Message")));
                int recorded = events.ingest(parsed, "ses", null, null);
                meters.stored("ses", parsed.size(), recorded);
                yield Response.ok(new WebhookResource.Stored(parsed.size(), recorded)).build();
            }
            default -> Response.ok(new WebhookResource.Stored(0, 0)).build();
        };
    }

    @ServerExceptionMapper
    public Response malformed(MalformedWebhookException e) {
        return Problems.badRequest(e.field(), e.getMessage());
    }

    private boolean fresh(String timestamp) {
        try {
            return Duration.between(Instant.parse(timestamp), clock.instant()).abs().compareTo(tolerance) <= 0;
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedWebhookException("Message", "is not the JSON of an SES event");
        }
    }

    private Response unauthorized() {
        meters.rejected("ses");
        return Problems.unauthorized("The SNS signature, its certificate, the topic or the timestamp is not "
                + "acceptable.");
    }
}
