package io.rekindle.messaging.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Amazon SNS message signatures: SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA, over the string to sign. */
public final class SnsSignature {

    private SnsSignature() {
    }

    public static boolean verify(SnsMessage message, PublicKey key) {
        String algorithm = switch (String.valueOf(message.field("SignatureVersion"))) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> null;
        };
        String signature = message.field("Signature");
        if (algorithm == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message.stringToSign().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
