package io.rekindle.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static final List<String> NAMES = List.of("rekindle.api.keys.admin", "rekindle.erasure.salt",
            "rekindle.public-url");
    private static final Map<String, String> RAW = Map.of("rekindle.api.keys.admin", "${REKINDLE_API_KEY}",
            "rekindle.erasure.salt", "${REKINDLE_ERASURE_SALT}", "rekindle.public-url", "${REKINDLE_PUBLIC_URL}");

    private static List<String> problems(Map<String, List<String>> values) {
        return ProductionSecrets.problems(NAMES, name -> {
            if (!values.containsKey(name)) {
                throw new NoSuchElementException("SRCFG00011: Could not expand value in " + name);
            }
            return values.get(name);
        }, RAW::get);
    }

    @Test
    void aMissingSecretIsNamedWithItsVariable() {
        assertEquals(List.of("rekindle.erasure.salt is not set (set REKINDLE_ERASURE_SALT)"), problems(Map.of(
                "rekindle.api.keys.admin", List.of("a-long-enough-admin-key-0123"), "rekindle.public-url",
                List.of("https://mail.shop.example"))));
    }

    @Test
    void developmentValuesAndShortKeysAreRefused() {
        assertEquals(List.of(
                "rekindle.api.keys.admin holds a development value from the repository (set REKINDLE_API_KEY)",
                "rekindle.erasure.salt must be at least 16 characters (set REKINDLE_ERASURE_SALT)",
                "rekindle.public-url holds a development value from the repository (set REKINDLE_PUBLIC_URL)"),
                problems(Map.of("rekindle.api.keys.admin", List.of("a-long-enough-admin-key-0123", "rekindle-dev-key"),
                        "rekindle.erasure.salt", List.of("short"), "rekindle.public-url",
                        List.of("http://localhost:8083"))));
        assertEquals(List.of("rekindle.api.keys.admin must be at least 24 characters (set REKINDLE_API_KEY)"),
                problems(Map.of("rekindle.api.keys.admin", List.of("twenty-three-characters"),
                        "rekindle.erasure.salt", List.of("a-salt-of-sixteen+"), "rekindle.public-url",
                        List.of("https://mail.shop.example"))));
    }

    @Test
    void productionValuesPass() {
        assertEquals(List.of(), problems(Map.of("rekindle.api.keys.admin", List.of("a-long-enough-admin-key-0123"),
                "rekindle.erasure.salt", List.of("a-salt-of-sixteen+"), "rekindle.public-url",
                List.of("https://mail.shop.example"))));
    }
}
