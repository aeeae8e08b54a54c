package io.rekindle.messaging.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for public links (unsubscribe, open pixel, click): {@code <message id>.<purpose MAC>}, an HMAC-SHA256 over
 * purpose and message id with the first key; every listed key verifies, so keys rotate without breaking old mail.
 * The token carries no personal data.
 */
public final class SignedTokens {

    private final List<byte[]> keys;

    public SignedTokens(List<String> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k.length() < 16)) {
            throw new IllegalArgumentException("token keys must be at least 16 characters");
        }
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public String issue(String purpose, String messageId) {
        return messageId + "." + mac(keys.get(0), purpose, messageId);
    }

    /** The message id, when the token is one of ours for this purpose. */
    public Optional<String> verify(String purpose, String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String messageId = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(given, mac(key, purpose, messageId).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(messageId);
            }
        }
        return Optional.empty();
    }

    private static String mac(byte[] key, String purpose, String messageId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((purpose + ":" + messageId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
