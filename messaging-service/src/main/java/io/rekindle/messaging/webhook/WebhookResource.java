package io.rekindle.messaging.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
import io.rekindle.platform.http.FormBody;
import io.rekindle.platform.http.Problems;
import io.rekindle.platform.http.PublicEndpoint;

/**
 * Provider webhooks, authenticated by each provider's signature over the raw request; a missing or bad signature,
 * or a timestamp outside the tolerance, is 401 and changes nothing. A batch is stored whole before the 2xx.
 */
@Path("/v1/webhooks")
@PublicEndpoint
@Tag(name = "Provider webhooks", description = "Delivery, engagement and opt-out events from email and SMS providers")
public class WebhookResource {

    private final EngagementEvents events;
    private final WebhookMeters meters;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration tolerance;
    private final Optional<SendgridSignature> sendgrid;
    private final Optional<MailgunSignature> mailgun;
    private final Optional<TwilioSignature> twilio;
    private final String publicUrl;
    private final String helpText;
    private final Optional<String> postmarkAuthorization;

    WebhookResource(EngagementEvents events, WebhookMeters meters, ObjectMapper mapper, Clock clock,
            MessagingConfig config) {
        this.meters = meters;
        MessagingConfig.Webhooks webhooks = config.webhooks();
        this.postmarkAuthorization = webhooks.postmark().username().filter(u -> !u.isBlank()).flatMap(u -> webhooks
                .postmark().password()
                .filter(p -> !p.isBlank()).map(p -> "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8))));
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
        this.tolerance = webhooks.tolerance();
        this.sendgrid = webhooks.sendgrid().publicKey().filter(k -> !k.isBlank()).map(SendgridSignature::new);
        this.mailgun = webhooks.mailgun().signingKey().filter(k -> !k.isBlank()).map(MailgunSignature::new);
        this.twilio = Optional.of(config.sms().twilio().authToken()).filter(t -> !t.isBlank())
                .map(TwilioSignature::new);
        this.publicUrl = config.publicUrl();
        this.helpText = config.sms().helpText();
    }

    public record Stored(int received, int recorded) {
    }

    @POST
    @Path("/sendgrid")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendgrid(@HeaderParam("X-Twilio-Email-Event-Webhook-Signature") String signature,
            @HeaderParam("X-Twilio-Email-Event-Webhook-Timestamp") String timestamp, byte[] body) {
        if (sendgrid.isEmpty() || !fresh(timestamp) || !sendgrid.get().verify(timestamp, body, signature)) {
            return unauthorized("SendGrid");
        }
        List<ProviderEvent> parsed = SendgridEvents.parse(json(body));
        return Response.ok(store(parsed, "sendgrid", null)).build();
    }

    @POST
    @Path("/mailgun")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response mailgun(byte[] body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            return unauthorized("Mailgun");
        }
        JsonNode sig = json == null ? null : json.path("signature");
        String timestamp = sig == null ? null : ProviderJson.text(sig, "timestamp");
        String token = sig == null ? null : ProviderJson.text(sig, "token");
        if (mailgun.isEmpty() || !fresh(timestamp)
                || !mailgun.get().verify(timestamp, token, ProviderJson.text(sig, "signature"))) {
            return unauthorized("Mailgun");
        }
        ProviderEvent event = MailgunEvents.parse(json);
        List<ProviderEvent> parsed = event == null ? List.of() : List.of(event);
        return Response.ok(store(parsed, "mailgun", token)).build();
    }

    /** Postmark authenticates its webhooks with HTTP basic auth credentials set on the webhook. */
    @POST
    @Path("/postmark")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response postmark(@HeaderParam("Authorization") String authorization, byte[] body) {
        if (postmarkAuthorization.isEmpty() || authorization == null || !java.security.MessageDigest.isEqual(
                postmarkAuthorization.get().getBytes(StandardCharsets.UTF_8),
                authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            meters.rejected("postmark");
            return Problems.unauthorized("The Postmark credentials are missing or wrong.");
        }
        ProviderEvent event = PostmarkEvents.parse(json(body));
        List<ProviderEvent> parsed = event == null ? List.of() : List.of(event);
        return Response.ok(store(parsed, "postmark", null)).build();
    }

    @POST
    @Path("/twilio")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_XML)
    public Response twilio(@HeaderParam("X-Twilio-Signature") String signature, byte[] body) {
        Map<String, List<String>> form = form(body);
        if (twilio.isEmpty() || !twilio.get().verify(publicUrl + "/v1/webhooks/twilio", form, signature)) {
            return unauthorized("Twilio");
        }
        ProviderEvent event = TwilioEvents.parse(form, clock.instant());
        if (event != null) {
            store(List.of(event), "twilio", null);
        }
        String keyword = TwilioEvents.first(form, "MessageStatus") == null ? TwilioEvents.keyword(form) : null;
        String reply = keyword != null && TwilioEvents.HELP.contains(keyword)
                ? "<Message>" + xml(helpText) + "</Message>" : "";
        return Response.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + reply + "</Response>").build();
    }

    @ServerExceptionMapper
    public Response malformed(MalformedWebhookException e) {
        return Problems.badRequest(e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response replayed(ReplayedException e) {
        meters.rejected(e.provider());
        return Problems.unauthorized("This webhook was already received (replayed token).");
    }

    /** Stores the events (with a nonce, remembered for twice the tolerance) and counts what was new. */
    private Stored store(List<ProviderEvent> parsed, String provider, String nonce) {
        int recorded = events.ingest(parsed, provider, nonce, nonce == null ? null : tolerance.multipliedBy(2));
        meters.stored(provider, parsed.size(), recorded);
        return new Stored(parsed.size(), recorded);
    }

    private boolean fresh(String epochSeconds) {
        try {
            Instant at = Instant.ofEpochSecond((long) Double.parseDouble(epochSeconds));
            return Duration.between(at, clock.instant()).abs().compareTo(tolerance) <= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private JsonNode json(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedWebhookException("", "is not JSON");
        }
    }

    private static Map<String, List<String>> form(byte[] body) {
        try {
            return FormBody.parse(body);
        } catch (IllegalArgumentException e) {
            // Twilio signs the decoded parameters, so an undecodable body cannot be authenticated, nor parsed.
            throw new MalformedWebhookException("", "is not a form body: " + e.getMessage());
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private Response unauthorized(String provider) {
        meters.rejected(provider.toLowerCase());
        return Problems.unauthorized("The " + provider + " signature is missing, wrong or too old.");
    }
}
