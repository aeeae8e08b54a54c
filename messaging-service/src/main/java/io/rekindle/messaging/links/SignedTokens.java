package io.rekindle.messaging.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for public links (unsubscribe, open pixel, click): {@code <message id>.<purpose MAC>}, an HMAC-SHA256 over
 * purpose and message id with the first key; every listed key verifies, so keys rotate without breaking old mail.
 * A token with a lifetime is {@code <message id>.<expiry>.<MAC>}, the expiry (epoch seconds, base 36) under the MAC.
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

    public String issue(String purpose, String messageId, Instant expires) {
        String expiry = Long.toString(expires.getEpochSecond(), 36);
        return messageId + "." + expiry + "." + mac(keys.get(0), purpose + ":" + expiry, messageId);
    }

    /** The message id, when the token is one of ours for this purpose, issued with a lifetime that has not run out. */
    public Optional<String> verify(String purpose, String token, Instant now) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        int expiryDot = dot <= 0 ? -1 : token.lastIndexOf('.', dot - 1);
        if (expiryDot <= 0) {
            return Optional.empty();
        }
        String expiry = token.substring(expiryDot + 1, dot);
        String messageId = token.substring(0, expiryDot);
        Optional<String> verified = verify(purpose + ":" + expiry, messageId, token.substring(dot + 1));
        try {
            return verified.filter(id -> now.getEpochSecond() < Long.parseLong(expiry, 36));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The message id, when the token is one of ours for this purpose. */
    public Optional<String> verify(String purpose, String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return verify(purpose, token.substring(0, dot), token.substring(dot + 1));
    }

    private Optional<String> verify(String purpose, String messageId, String givenMac) {
        byte[] given = givenMac.getBytes(StandardCharsets.US_ASCII);
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
