package io.rekindle.segment.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The stored OpenAPI document is the contract other services code against: the served one must not drift from it.
 * After an intended change, accept it with {@code mvn test -Dtest=OpenApiContractTest -Dopenapi.accept=true}
 * in this module and commit the updated document.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path STORED = Path.of("src/main/openapi/openapi.yaml");

    @Test
    void servedDocumentMatchesTheStoredContract() throws IOException {
        String served = given().when().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
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
                        + "\nIf the change is intended, run this test with -Dopenapi.accept=true and commit the document.");
            }
        }
    }
}
