package io.rekindle.segment.order;

import static io.rekindle.segment.support.TestStore.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HygieneThroughApiTest {

    @Test
    void everyProfileCarriesItsAddressVerdict() {
        expect("h-yop", "someone@yopmail.com", "disposable", null);
        expect("h-typo", "someone@gmial.com", "typo", "someone@gmail.com");
        expect("h-bad", "not an address", "invalid", null);
        expect("h-role", "info@shop.example", "role", null);
        expect("h-ok", "ada@example.org", "valid", null);
    }

    private static void expect(String id, String email, String status, String suggestion) {
        api().body("{\"email\":\"" + email + "\"}").when().put("/v1/customers/" + id).then().statusCode(201);
        api().when().get("/v1/customers/" + id).then().statusCode(200)
                .body("hygiene.status", equalTo(status))
                .body("hygiene.suggestion", suggestion == null ? nullValue() : equalTo(suggestion));
    }
}
