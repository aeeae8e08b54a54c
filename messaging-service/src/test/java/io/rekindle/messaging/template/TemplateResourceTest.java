package io.rekindle.messaging.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class TemplateResourceTest {

    private static final String WINBACK = """
            {"channel":"email","locales":{"en":{"subject":"We miss you","html":"<p>Hello</p>","text":"Hello"}}}
            """;

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    @Test
    void savingTwiceKeepsTheLatestAsANewVersion() {
        api().body(WINBACK).when().put("/v1/templates/winback").then().statusCode(201)
                .body("version", equalTo(1));
        api().body("""
                {"channel":"email","locales":{"en":{"subject":"Still there?","html":"<p>Hi</p>","text":"Hi"},
                 "fr":{"subject":"Toujours là ?","html":"<p>Salut</p>","text":"Salut"}}}
                """).when().put("/v1/templates/winback").then().statusCode(200).body("version", equalTo(2));

        api().when().get("/v1/templates/winback").then().statusCode(200)
                .body("channel", equalTo("email"))
                .body("locales.en.subject", equalTo("Still there?"))
                .body("locales.fr.subject", equalTo("Toujours là ?"));
    }

    @Test
    void unknownChannelIsRejectedByName() {
        api().body("{\"channel\":\"fax\",\"locales\":{\"en\":{\"text\":\"x\"}}}")
                .when().put("/v1/templates/fax").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        api().when().get("/v1/templates/fax").then().statusCode(404);
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        api().body("{}").when().put("/v1/templates/empty").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("locales"));
    }

    @Test
    void withoutKeyOrWithMalformedJsonNothingChanges() {
        api().body(WINBACK).when().put("/v1/templates/guarded").then().statusCode(201);

        given().contentType(ContentType.JSON).body("{\"channel\":\"sms\",\"locales\":{\"en\":{\"text\":\"x\"}}}")
                .when().put("/v1/templates/guarded").then().statusCode(401)
                .contentType("application/problem+json");
        api().body("{\"channel\":").when().put("/v1/templates/guarded").then().statusCode(400)
                .contentType("application/problem+json");

        api().when().get("/v1/templates/guarded").then().statusCode(200)
                .body("channel", equalTo("email")).body("version", equalTo(1));
    }
}
