package io.rekindle.messaging.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mailgun's webhook signature: hex HMAC-SHA256 of timestamp followed by token, with the webhook signing key. */
public final class MailgunSignature {

    private final byte[] key;

    public MailgunSignature(String signingKey) {
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
    }

    public boolean verify(String timestamp, String token, String hexSignature) {
        if (timestamp == null || token == null || hexSignature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(hexSignature.toLowerCase()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
