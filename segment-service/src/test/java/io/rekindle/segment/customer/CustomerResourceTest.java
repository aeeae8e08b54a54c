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
                {"email":"ada@example.com","phone":"+33612345678","pushToken":"fcm-token-ada","firstName":"Ada",
                 "lastName":"Lovelace","locale":"fr-FR","timezone":"Europe/Paris","country":"FR","createdAt":"2024-03-01T10:00:00Z",
                 "consents":{"email":{"granted":true,"at":"2024-03-01T10:00:00Z"},"sms":true},
                 "attributes":{"vip":true,"tier":"gold"}}
                """)
                .when().put("/v1/customers/cust-1")
                .then().log().ifValidationFails().statusCode(201).body("customerId", equalTo("cust-1"));

        api().when().get("/v1/customers/cust-1").then().statusCode(200)
                .body("email", equalTo("ada@example.com"))
                .body("phone", equalTo("+33612345678"))
                .body("pushToken", equalTo("fcm-token-ada"))
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
                .body("pushToken", nullValue())
                .body("createdAt", equalTo("2024-03-01T10:00:00Z"))
                .body("consents.email.at", equalTo("2024-03-01T10:00:00Z"))
                .body("consents.sms.granted", equalTo(false));
    }

    @Test
    void batchUpsertsGoodRowsAndReportsBadOnes() {
        api().body("""
                [{"customerId":"bc-1","email":"one@example.com","consents":{"email":true}},
                 {"customerId":"bc-2","email":"two@yopmail.com","phone":"12"},
                 {"email":"no-id@example.com"},
                 {"customerId":"bc-3","email":"three@gmial.com","timezone":"Europe/Paris"}]
                """).when().post("/v1/customers/batch").then().statusCode(200)
                .body("stored", equalTo(2))
                .body("rejected.index", equalTo(java.util.List.of(1, 2)))
                .body("rejected[0].id", equalTo("bc-2"))
                .body("rejected[0].errors[0].field", equalTo("phone"))
                .body("rejected[1].errors[0].field", equalTo("customerId"));
        api().when().get("/v1/customers/bc-3").then().statusCode(200)
                .body("hygiene.status", equalTo("typo")).body("timezone", equalTo("Europe/Paris"));
        api().body("{\"customerId\":\"other\"}").when().put("/v1/customers/bc-1").then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void lookupReadsManyProfilesAtOnceAndNamesTheUnknown() {
        api().body("""
                [{"customerId":"lk-1","email":"one@example.com","consents":{"email":true}},
                 {"customerId":"lk-2","email":"two@example.com","timezone":"Europe/Paris"}]
                """).when().post("/v1/customers/batch").then().statusCode(200).body("stored", equalTo(2));
        api().body("{\"customerIds\":[\"lk-2\",\"nobody\",\"lk-1\",\"lk-2\"]}").when()
                .post("/v1/customers/lookup").then().statusCode(200)
                .body("customers.customerId", equalTo(java.util.List.of("lk-2", "lk-1")))
                .body("customers[0].timezone", equalTo("Europe/Paris"))
                .body("customers[1].consents.email.granted", equalTo(true))
                .body("customers[0].metrics.orderCount", equalTo(0))
                .body("unknown", equalTo(java.util.List.of("nobody")));
        api().body("{\"customerIds\":[\"lk-1\"],\"withMetrics\":false}").when()
                .post("/v1/customers/lookup").then().statusCode(200)
                .body("customers[0].email", equalTo("one@example.com"))
                .body("customers[0].metrics", nullValue());
        api().body("{\"customerIds\":[]}").when().post("/v1/customers/lookup").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("customerIds"));
    }

    @Test
    void lookupCountsEachCustomersPlacedOrdersInTheDaysAskedFor() {
        java.time.Instant now = java.time.Instant.now();
        api().body("""
                [{"customerId":"rs-1","email":"rs1@example.com"},{"customerId":"rs-2","email":"rs2@example.com"}]
                """).when().post("/v1/customers/batch").then().statusCode(200).body("stored", equalTo(2));
        String recent = io.rekindle.segment.support.TestStore.order("rs-o1", "rs-1",
                now.minus(java.time.Duration.ofDays(10)).toString(), "50.00", "books");
        String older = io.rekindle.segment.support.TestStore.order("rs-o2", "rs-1",
                now.minus(java.time.Duration.ofDays(100)).toString(), "70.00", "books");
        String cancelled = io.rekindle.segment.support.TestStore.order("rs-o3", "rs-1",
                now.minus(java.time.Duration.ofDays(5)).toString(), "30.00", "books").replace("\"placed\"",
                        "\"cancelled\"");
        api().body("[" + recent + "," + older + "," + cancelled + "]").when().post("/v1/orders/batch").then()
                .statusCode(200).body("stored", equalTo(3));

        api().body("{\"customerIds\":[\"rs-1\",\"rs-2\"],\"withMetrics\":false,\"spendDays\":90}").when()
                .post("/v1/customers/lookup").then().statusCode(200)
                .body("customers[0].recentSpend.days", equalTo(90))
                .body("customers[0].recentSpend.orders", equalTo(1))
                .body("customers[0].recentSpend.revenue", equalTo(50.0f))
                .body("customers[1].recentSpend.orders", equalTo(0))
                .body("customers[1].recentSpend.revenue", equalTo(0));
        api().body("{\"customerIds\":[\"rs-1\"],\"spendDays\":365}").when().post("/v1/customers/lookup").then()
                .statusCode(200).body("customers[0].recentSpend.orders", equalTo(2))
                .body("customers[0].recentSpend.revenue", equalTo(120.0f));
        api().body("{\"customerIds\":[\"rs-1\"]}").when().post("/v1/customers/lookup").then().statusCode(200)
                .body("customers[0].recentSpend", nullValue());
        api().body("{\"customerIds\":[\"rs-1\"],\"spendDays\":0}").when().post("/v1/customers/lookup").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("spendDays"));
    }

    @Test
    void aNameOrAddressWithALineBreakIsRefusedByFieldAndNothingIsStored() {
        api().body("{\"email\":\"cr@example.com\",\"firstName\":\"Ada\"}").when().put("/v1/customers/cr-1")
                .then().statusCode(201);
        api().body("{\"email\":\"cr@example.com\",\"firstName\":\"Ada\\nBcc: all@example.com\"}").when()
                .put("/v1/customers/cr-1").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firstName"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("control characters"));
        api().body("{\"email\":\"cr@example.com\",\"lastName\":\"Lovelace\\r\"}").when()
                .put("/v1/customers/cr-1").then().statusCode(400).body("errors[0].field", equalTo("lastName"));
        api().body("[{\"customerId\":\"cr-2\",\"email\":\"x@example.com\\r\\nX: y\"}]").when()
                .post("/v1/customers/batch").then().statusCode(200).body("stored", equalTo(0))
                .body("rejected[0].errors[0].field", equalTo("email"));
        api().when().get("/v1/customers/cr-1").then().statusCode(200).body("firstName", equalTo("Ada"));
        api().when().get("/v1/customers/cr-2").then().statusCode(404);
    }

    @Test
    void unknownCustomerIs404() {
        api().when().get("/v1/customers/nobody").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
