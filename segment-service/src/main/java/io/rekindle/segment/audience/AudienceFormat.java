package io.rekindle.segment.audience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How an ad platform wants a customer list: identifiers normalised its way, then SHA-256 in lower-case hex.
 * Google Customer Match: trimmed lower-case email without the dots of a gmail.com / googlemail.com local part, phone in
 * E.164 with its "+". Meta custom audiences: trimmed lower-case email, phone as digits only with the country code.
 */
public enum AudienceFormat {

    GOOGLE("Email,Phone"),
    META("email,phone");

    public final String header;

    AudienceFormat(String header) {
        this.header = header;
    }

    /** The normalised email, or null when there is none. */
    public String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (this == GOOGLE && at > 0) {
            String domain = email.substring(at + 1);
            if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
                email = email.substring(0, at).replace(".", "") + "@" + domain;
            }
        }
        return email;
    }

    /** The normalised phone from an E.164 number, or null when there is none. */
    public String phone(String e164) {
        if (e164 == null || e164.isBlank()) {
            return null;
        }
        String digits = e164.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            return null;
        }
        return this == GOOGLE ? "+" + digits : digits;
    }

    public static String sha256(String normalised) {
        if (normalised == null) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
