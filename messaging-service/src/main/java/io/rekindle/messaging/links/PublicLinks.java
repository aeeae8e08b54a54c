package io.rekindle.messaging.links;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed public links a message carries: one-click unsubscribe, the open pixel and tracked clicks. Built at
 * startup, so link keys that cannot sign (shorter than 16 characters) stop the service at once, not every send.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class PublicLinks {

    static final String UNSUBSCRIBE = "unsubscribe";
    static final String OPEN = "open";

    private final SignedTokens tokens;
    private final String publicUrl;

    PublicLinks(@ConfigProperty(name = "rekindle.links.keys") List<String> keys,
            @ConfigProperty(name = "rekindle.public-url") String publicUrl) {
        this.tokens = new SignedTokens(keys);
        this.publicUrl = publicUrl;
    }

    public String unsubscribeUrl(String messageId) {
        return publicUrl + "/u/" + tokens.issue(UNSUBSCRIBE, messageId);
    }

    public Optional<String> unsubscribeMessage(String token) {
        return tokens.verify(UNSUBSCRIBE, token);
    }

    public String openPixelUrl(String messageId) {
        return publicUrl + "/t/o/" + tokens.issue(OPEN, messageId);
    }

    public Optional<String> openedMessage(String token) {
        return tokens.verify(OPEN, token);
    }

    /** A redirect to {@code url} that records the click; the token covers the URL, so it cannot be repointed. */
    public String clickUrl(String messageId, String url) {
        return publicUrl + "/t/c/" + tokens.issue(click(url), messageId) + "?url="
                + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Optional<String> clickedMessage(String token, String url) {
        return url == null ? Optional.empty() : tokens.verify(click(url), token);
    }

    private static String click(String url) {
        return "click|" + url;
    }
}
