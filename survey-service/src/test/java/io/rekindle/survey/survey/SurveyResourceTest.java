package io.rekindle.survey.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SurveyResourceTest {

    private static final String WHY = """
            {"defaultLocale":"en",
             "texts":{"en":{"title":"Why did you stop buying?","intro":"Two clicks.","thankYou":"Thank you!"}},
             "questions":[{"id":"reason","kind":"single_choice","required":true,"options":["price","quality"],
                           "texts":{"en":{"label":"Main reason","options":{"price":"Price","quality":"Quality"}}}}]}
            """;

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    @Test
    void savedSurveyReadsBackAndIsListed() {
        api().body(WHY).when().put("/v1/surveys/why").then().statusCode(201).body("version", equalTo(1));
        api().when().get("/v1/surveys/why").then().statusCode(200)
                .body("definition.texts.en.title", equalTo("Why did you stop buying?"))
                .body("definition.questions[0].kind", equalTo("single_choice"))
                .body("definition.questions[0].options", hasItem("quality"));
        api().when().get("/v1/surveys").then().statusCode(200).body("id", hasItem("why"));
    }

    @Test
    void invalidQuestionIsNamedAndNothingIsStored() {
        api().body(WHY.replace("single_choice", "essay")).when().put("/v1/surveys/bad-kind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("questions[0].kind"));
        api().body(WHY.replace("\"title\":\"Why did you stop buying?\",", "")).when().put("/v1/surveys/bad-kind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("texts[en].title"));
        api().when().get("/v1/surveys/bad-kind").then().statusCode(404);
    }

    @Test
    void withoutKeyOrWithMalformedJsonNothingChanges() {
        api().body(WHY).when().put("/v1/surveys/guarded").then().statusCode(201);
        given().contentType(ContentType.JSON).body(WHY.replace("Two clicks.", "Changed"))
                .when().put("/v1/surveys/guarded").then().statusCode(401).contentType("application/problem+json");
        api().body(WHY.substring(0, 40)).when().put("/v1/surveys/guarded").then().statusCode(400)
                .contentType("application/problem+json");
        api().when().get("/v1/surveys/guarded").then().statusCode(200)
                .body("version", equalTo(1)).body("definition.texts.en.intro", equalTo("Two clicks."));
    }

    @Test
    void anInconsistentSurveyIsRejectedPointingAtTheQuestion() {
        api().body(WHY.replace("\"defaultLocale\":\"en\"", "\"defaultLocale\":\"de\"")).when().put("/v1/surveys/incons")
                .then().statusCode(400).body("errors.field", hasItem("texts"))
                .body("errors.field", hasItem("questions[0].texts"));
        api().body(WHY.replace("\"options\":[\"price\",\"quality\"]", "\"options\":[\"price\"]"))
                .when().put("/v1/surveys/incons").then().statusCode(400)
                .body("errors[0].field", equalTo("questions[0].options"));
        api().body(WHY.replace("\"quality\":\"Quality\"", "\"other\":\"Other\"")).when().put("/v1/surveys/incons")
                .then().statusCode(400).body("errors[0].field", equalTo("questions[0].texts[en].options.quality"));
        api().when().get("/v1/surveys/incons").then().statusCode(404);
    }

    @Test
    void theWhyDidYouStopBuyingSurveyShipsInstalled() {
        api().when().get("/v1/surveys/why-stopped").then().statusCode(200)
                .body("definition.questions[0].options", org.hamcrest.Matchers.contains("price", "product_quality",
                        "found_another_shop", "no_longer_needed", "too_many_emails", "delivery_or_service", "other"))
                .body("definition.texts.fr.title", equalTo("Pourquoi n'achetez-vous plus chez nous ?"));
    }
}
