package io.rekindle.messaging.links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.messaging.config.MessagingConfig;


/**
 * The signed public links a message carries: one-click unsubscribe, the open pixel and tracked clicks. Built at
 * startup, so link keys that cannot sign (shorter than 16 characters) stop the service at once, not every send.
 * Unsubscribe links work for ever (a customer may opt out of any mail, however old); the pixel and tracked clicks
 * expire ({@code rekindle.links.tracking-lifetime}), so a signed redirect on the shop's domain does not outlive its
 * campaign.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class PublicLinks {

    static final String UNSUBSCRIBE = "unsubscribe";
    static final String OPEN = "open";

    private final SignedTokens tokens;
    private final String publicUrl;
    private final Clock clock;
    private final Duration trackingLifetime;

    PublicLinks(MessagingConfig config, Clock clock) {
        this.tokens = new SignedTokens(config.links().keys());
        this.publicUrl = config.publicUrl();
        this.clock = clock;
        this.trackingLifetime = config.links().trackingLifetime();
    }

    public String unsubscribeUrl(String messageId) {
        return publicUrl + "/u/" + tokens.issue(UNSUBSCRIBE, messageId);
    }

    public Optional<String> unsubscribeMessage(String token) {
        return tokens.verify(UNSUBSCRIBE, token);
    }

    public String openPixelUrl(String messageId) {
        return publicUrl + "/t/o/" + tokens.issue(OPEN, messageId, trackingExpiry());
    }

    public Optional<String> openedMessage(String token) {
        return tokens.verify(OPEN, token, clock.instant());
    }

    /** A redirect to {@code url} that records the click; the token covers the URL, so it cannot be repointed. */
    public String clickUrl(String messageId, String url) {
        return publicUrl + "/t/c/" + tokens.issue(click(url), messageId, trackingExpiry()) + "?url="
                + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    public Optional<String> clickedMessage(String token, String url) {
        return url == null ? Optional.empty() : tokens.verify(click(url), token, clock.instant());
    }

    private Instant trackingExpiry() {
        return clock.instant().plus(trackingLifetime);
    }

    private static String click(String url) {
        return "click|" + url;
    }
}
