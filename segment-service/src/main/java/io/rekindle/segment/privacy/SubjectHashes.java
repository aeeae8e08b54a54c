package io.rekindle.segment.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Salted SHA-256 of the identifiers of a person (customer id, email, phone), each normalised first. */
@ApplicationScoped
public class SubjectHashes {

    private final byte[] salt;

    SubjectHashes(@ConfigProperty(name = "rekindle.erasure.salt") String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
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
