package io.rekindle.messaging.suppression;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The signed public links a message carries: one-click unsubscribe (and, later, open and click tracking). */
@ApplicationScoped
public class PublicLinks {

    static final String UNSUBSCRIBE = "unsubscribe";

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
}
