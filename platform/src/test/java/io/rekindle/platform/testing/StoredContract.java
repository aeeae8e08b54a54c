package io.rekindle.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's stored OpenAPI document ({@code src/main/openapi/openapi.yaml}) is the contract other services code
 * against: the served one must not drift from it. After an intended change, each service's OpenApiContractTest
 * accepts it with {@code -Dopenapi.accept=true}, and the updated document is committed.
 */
public final class StoredContract {

    public static final Path STORED = Path.of("src/main/openapi/openapi.yaml");

    private StoredContract() {
    }

    /** Fails at the first line where the served document differs from the stored one (stores it first on accept). */
    public static void check(String served) throws IOException {
        if (Boolean.getBoolean("openapi.accept")) {
            Files.createDirectories(STORED.getParent());
            Files.writeString(STORED, served);
        }
        assertTrue(Files.exists(STORED), "No stored contract at " + STORED.toAbsolutePath());
        List<String> expected = Files.readString(STORED).lines().toList();
        List<String> actual = served.lines().toList();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "<end of document>";
            String got = i < actual.size() ? actual.get(i) : "<end of document>";
            if (!want.equals(got)) {
                fail("The served OpenAPI document drifted from " + STORED + " at line " + (i + 1)
                        + ":\n  stored: " + want + "\n  served: " + got
                        + "\nIf the change is intended, run this test with -Dopenapi.accept=true and commit the "
                        + "document.");
            }
        }
    }
}
