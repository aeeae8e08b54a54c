package io.rekindle.survey.privacy;

import static io.rekindle.survey.support.SurveyApi.api;
import static io.rekindle.survey.support.SurveyApi.invite;
import static io.rekindle.survey.support.SurveyApi.pathOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.survey.support.Peers;
import io.rekindle.survey.support.SurveyApi;

@QuarkusTest
@QuarkusTestResource(Peers.class)
class ErasureTest {

    @Test
    void erasingACustomerKeepsTheCountsButNotWhoTheyAreOrWhatTheyWrote() {
        SurveyApi.saveSurvey("erase");
        String path = pathOf(invite("erase", "{\"customerId\":\"erin@example.com\"}").getString("url"));
        SurveyApi.form(path)
                .formParam("reason", "quality").formParam("details", "Erin Smith, 12 Rose Lane")
                .when().post(path).then().statusCode(200);

        api().when().delete("/v1/customers/erin@example.com").then().statusCode(204);
        api().body("[{\"customerId\":\"erin@example.com\",\"erasedAt\":\"2026-01-01T00:00:00Z\"}]")
                .when().post("/v1/erasures").then().statusCode(200).body("erased", equalTo(1));

        api().when().get("/v1/surveys/erase/results").then().statusCode(200)
                .body("responses", equalTo(1)).body("questions[0].options.find { it.id == 'quality' }.count", equalTo(1))
                .body("questions[3].texts.text", not(hasItem(containsString("Rose Lane"))));
        String csv = api().when().get("/v1/surveys/erase/results.csv").then().extract().asString();
        org.hamcrest.MatcherAssert.assertThat(csv, not(containsString("erin@example.com")));
        org.hamcrest.MatcherAssert.assertThat(csv, not(containsString("Rose Lane")));
        given().when().delete("/v1/customers/someone").then().statusCode(401);
    }
}
