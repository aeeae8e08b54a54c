package io.rekindle.survey.invitation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for public links and forms: the first key signs, every listed key verifies, so a key
 * rotates by putting the new one first and dropping the old one once its links have expired.
 */
public final class TokenSigner {

    private final List<byte[]> keys;

    public TokenSigner(List<String> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k.length() < 16)) {
            throw new IllegalArgumentException("token keys must be at least 16 characters");
        }
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public String sign(String purpose, String data) {
        return mac(keys.get(0), purpose, data);
    }

    public boolean verify(String purpose, String data, String signature) {
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        return keys.stream().anyMatch(key -> MessageDigest.isEqual(given,
                mac(key, purpose, data).getBytes(StandardCharsets.US_ASCII)));
    }

    private static String mac(byte[] key, String purpose, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((purpose + ":" + data).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
