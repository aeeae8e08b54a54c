package io.rekindle.segment.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CustomerResourceTest {

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    @Test
    void upsertCreatesThenReplacesTheProfile() {
        api().body("""
                {"email":"ada@example.com","phone":"+33612345678","firstName":"Ada","lastName":"Lovelace",
                 "locale":"fr-FR","timezone":"Europe/Paris","country":"FR","createdAt":"2024-03-01T10:00:00Z",
                 "consents":{"email":{"granted":true,"at":"2024-03-01T10:00:00Z"},"sms":true},
                 "attributes":{"vip":true,"tier":"gold"}}
                """)
                .when().put("/v1/customers/cust-1")
                .then().log().ifValidationFails().statusCode(201).body("customerId", equalTo("cust-1"));

        api().when().get("/v1/customers/cust-1").then().statusCode(200)
                .body("email", equalTo("ada@example.com"))
                .body("phone", equalTo("+33612345678"))
                .body("timezone", equalTo("Europe/Paris"))
                .body("createdAt", equalTo("2024-03-01T10:00:00Z"))
                .body("consents.email.granted", equalTo(true))
                .body("consents.email.at", equalTo("2024-03-01T10:00:00Z"))
                .body("consents.sms.granted", equalTo(true))
                .body("consents.sms.at", notNullValue())
                .body("consents.push.granted", equalTo(false))
                .body("attributes.vip", equalTo(true))
                .body("attributes.tier", equalTo("gold"));

        api().body("{\"email\":\"ada@example.org\",\"consents\":{\"email\":true}}")
                .when().put("/v1/customers/cust-1")
                .then().statusCode(200);

        api().when().get("/v1/customers/cust-1").then().statusCode(200)
                .body("email", equalTo("ada@example.org"))
                .body("firstName", nullValue())
                .body("createdAt", equalTo("2024-03-01T10:00:00Z"))
                .body("consents.email.at", equalTo("2024-03-01T10:00:00Z"))
                .body("consents.sms.granted", equalTo(false));
    }

    @Test
    void unknownCustomerIs404() {
        api().when().get("/v1/customers/nobody").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
