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

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void freeTextToAQuestionALaterVersionRemovedGoesWithTheErasure() throws Exception {
        SurveyApi.saveSurvey("erase-v2");
        String path = pathOf(invite("erase-v2", "{\"customerId\":\"vera\"}").getString("url"));
        SurveyApi.form(path).formParam("reason", "price").formParam("details", "Vera Stone, 4 Elm Court")
                .when().post(path).then().statusCode(200);
        // Version 2 drops the free-text question; the stored answer to it stays with the response.
        String withoutDetails = SurveyApi.WHY.substring(0, SurveyApi.WHY.indexOf(",\n  {\"id\":\"details\""))
                + "]}";
        api().body(withoutDetails).when().put("/v1/surveys/erase-v2").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(1, responsesMentioning("Elm Court"));

        api().body("[{\"customerId\":\"vera\",\"erasedAt\":\"2026-01-01T00:00:00Z\"}]")
                .when().post("/v1/erasures").then().statusCode(200).body("erased", equalTo(1));

        org.junit.jupiter.api.Assertions.assertEquals(0, responsesMentioning("Elm Court"));
        api().when().get("/v1/surveys/erase-v2/results").then().statusCode(200)
                .body("questions[0].options.find { it.id == 'price' }.count", equalTo(1));
    }

    private int responsesMentioning(String text) throws java.sql.SQLException {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("SELECT count(*) FROM response WHERE answers::text LIKE ?")) {
            ps.setString(1, "%" + text + "%");
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
