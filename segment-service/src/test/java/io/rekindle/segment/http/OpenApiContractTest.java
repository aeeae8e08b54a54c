package io.rekindle.segment.http;

import static io.restassured.RestAssured.given;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.StoredContract;

/** This service's served OpenAPI document is its stored contract ({@link StoredContract} says how to accept one). */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedDocumentMatchesTheStoredContract() throws IOException {
        StoredContract.check(given().when().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString());
    }
}
