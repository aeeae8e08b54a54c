package io.rekindle.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * Posts events the way SendGrid's Signed Event Webhook does (ECDSA over timestamp + raw body), with a key pair derived
 * from a fixed seed so the suite can be started with its public key: {@code REKINDLE_SENDGRID_WEBHOOK_KEY=$(java -jar
 * bench/target/rekindle-bench.jar sendgrid-public-key)}.
 */
public final class SendgridWebhook {

    private static final KeyPair KEYS = keys();

    private final Api messaging;

    public SendgridWebhook(Api messaging) {
        this.messaging = messaging;
    }

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** Posts one signed batch (a JSON array of events) stamped {@code epochSecond}. */
    public void post(String batch, long epochSecond) {
        messaging.post("/v1/webhooks/sendgrid", batch, headers(batch, epochSecond), false);
    }

    /** The headers SendGrid sends with this body stamped {@code epochSecond} (for callers with their own client). */
    public static Map<String, String> headers(String body, long epochSecond) {
        String timestamp = Long.toString(epochSecond);
        return Map.of("X-Twilio-Email-Event-Webhook-Timestamp", timestamp,
                "X-Twilio-Email-Event-Webhook-Signature", sign(timestamp, body));
    }

    private static String sign(String timestamp, String body) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(KEYS.getPrivate());
            ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ecdsa.update(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ecdsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed("rekindle-bench-sendgrid".getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), seeded);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
