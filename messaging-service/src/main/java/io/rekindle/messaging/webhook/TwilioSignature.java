package io.rekindle.messaging.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1, with the auth token, of the full URL Twilio called followed by each
 * POST parameter name and value, names sorted (values of a repeated name sorted too). As Twilio's own validators do,
 * a URL with the scheme's default port and one without are both accepted.
 */
public final class TwilioSignature {

    private final byte[] authToken;

    public TwilioSignature(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    public boolean verify(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || url == null) {
            return false;
        }
        for (String candidate : List.of(url, withDefaultPort(url), withoutDefaultPort(url))) {
            if (MessageDigest.isEqual(sign(candidate, params).getBytes(StandardCharsets.US_ASCII),
                    signature.trim().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    public String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> new TreeSet<>(values).forEach(v -> data.append(name).append(v)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withDefaultPort(String url) {
        URI u = URI.create(url);
        if (u.getPort() != -1) {
            return url;
        }
        int port = "https".equals(u.getScheme()) ? 443 : 80;
        return url.replaceFirst("://" + java.util.regex.Pattern.quote(u.getRawAuthority()),
                "://" + u.getRawAuthority() + ":" + port);
    }

    private static String withoutDefaultPort(String url) {
        URI u = URI.create(url);
        boolean isDefault = ("https".equals(u.getScheme()) && u.getPort() == 443)
                || ("http".equals(u.getScheme()) && u.getPort() == 80);
        return isDefault ? url.replaceFirst(":" + u.getPort(), "") : url;
    }
}
