package io.rekindle.messaging.template;

import static io.rekindle.messaging.support.TestData.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.messaging.support.TestData;

@QuarkusTest
@QuarkusTestResource(StandIns.class)
class TemplateCompileTest {

    @Inject
    TestData data;

    @BeforeEach
    void clear() {
        data.clear();
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedWithThePartLineAndReasonAndNothingIsStored() {
        api().body("""
                {"channel":"email","locales":{"en":{"subject":"Hi","html":"<p>line one</p>\\n{#each customer.orders}{/if}\\n<p>three</p>"}}}""")
                .when().put("/v1/templates/broken").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("locales/en/html"))
                .body("errors[0].message", containsString("line 2"));
        api().when().get("/v1/templates/broken").then().statusCode(404);
        api().body("""
                {"channel":"push","locales":{"en":{"title":"Hi"}}}""").when().put("/v1/templates/no-body").then()
                .statusCode(400).body("errors[0].field", equalTo("locales/en/body"));
    }

    @Test
    void previewRendersWithSampleDataAndCountsSmsSegments() {
        api().body("""
                {"channel":"sms","locales":{"en":{"text":"Hi {customer.firstName}! {vars.offer}"},
                 "fr":{"text":"Bonjour {customer.firstName} ! Ça vous manque ?"}}}""")
                .when().put("/v1/templates/nudge").then().statusCode(201);
        api().body("{\"variables\":{\"offer\":\"Free shipping this week\"}}").when()
                .post("/v1/templates/nudge/preview").then().statusCode(200)
                .body("text", equalTo("Hi Alex! Free shipping this week")).body("smsSegments", equalTo(1));
        api().body("{\"locale\":\"fr-CA\",\"customer\":{\"firstName\":\"Zoé\"}}").when()
                .post("/v1/templates/nudge/preview").then().statusCode(200)
                .body("text", equalTo("Bonjour Zoé ! Ça vous manque ?"));
        api().body("{\"variables\":{\"offer\":\"" + "x".repeat(200) + "\"}}").when()
                .post("/v1/templates/nudge/preview").then().body("smsSegments", equalTo(2));
    }
}
