package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged service in its production profile refuses to start on a development secret from this repository, or
 * without a secret it needs, and says which: what an operator who forgot one reads in the pod's log.
 */
class ProductionStartTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path runDir;

    @Test
    void aDevelopmentSaltIsRefusedByName() throws Exception {
        named(refusal("segment", Map.of("REKINDLE_ERASURE_SALT", "rekindle-dev-salt")),
                "rekindle.erasure.salt holds a development value from the repository (set REKINDLE_ERASURE_SALT)");
    }

    @Test
    void aMissingKeyIsRefusedByName() throws Exception {
        // Quarkus checks that every injected property has a value before anything starts, and names the property.
        named(refusal("survey", Map.of("REKINDLE_SURVEY_KEYS", "")), "rekindle.survey.token-keys");
    }

    @Test
    void aShortApiKeyIsRefusedByName() throws Exception {
        named(refusal("scenario", Map.of("REKINDLE_STOREFRONT_KEYS", "short-key")),
                "rekindle.api.keys.storefront must be at least 24 characters");
    }

    private static void named(String refusal, String expected) {
        assertTrue(refusal.contains(expected), "expected '" + expected + "' in:\n" + refusal);
    }

    /** Why the service would not start (the end of its log); its database server goes with it. */
    private String refusal(String service, Map<String, String> env) throws Exception {
        ServiceProcess process = ServiceProcess.prepare(service, runDir);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> process.start(env));
            return e.getMessage();
        } finally {
            process.close();
        }
    }
}
