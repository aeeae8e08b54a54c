package io.rekindle.segment.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.config.SegmentConfig;


/** Salted SHA-256 of the identifiers of a person (customer id, email, phone), each normalised first. */
@ApplicationScoped
public class SubjectHashes {

    private final byte[] salt;

    SubjectHashes(SegmentConfig config) {
        this.salt = config.erasure().salt().getBytes(StandardCharsets.UTF_8);
    }

    public List<String> of(String customerId, String email, String phone) {
        List<String> hashes = new ArrayList<>();
        hashes.add(hash("id:" + customerId));
        if (email != null && !email.isBlank()) {
            hashes.add(hash("email:" + email.trim().toLowerCase(Locale.ROOT)));
        }
        if (phone != null && !phone.isBlank()) {
            hashes.add(hash("phone:" + phone.replaceAll("[^+0-9]", "")));
        }
        return hashes;
    }

    /**
     * The hash messaging-service keeps of an erased customer's address on a channel (email, sms, push): SHA-256 of
     * the salt, "|" and the address (email lower-cased), in hex. Both services share the salt; the scheme is part of
     * messaging-service's erasure contract ({@code addressHashes}).
     */
    public String addressHash(String channel, String address) {
        String normalised = channel.equals("email") ? address.trim().toLowerCase(Locale.ROOT) : address.trim();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (new String(salt, StandardCharsets.UTF_8) + "|" + normalised).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
