package io.rekindle.survey.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The API calls the survey tests share. */
public final class SurveyApi {

    public static final String WHY = """
            {"defaultLocale":"en",
             "texts":{"en":{"title":"Why did you stop buying?","intro":"Two clicks.","thankYou":"Thank you!"},
                      "fr":{"title":"Pourquoi ?","thankYou":"Merci !"}},
             "questions":[
              {"id":"reason","kind":"single_choice","required":true,"options":["price","quality","emails"],
               "texts":{"en":{"label":"Main reason","options":{"price":"Price","quality":"Quality","emails":"Too many emails"}},
                        "fr":{"label":"Raison principale","options":{"price":"Prix"}}}},
              {"id":"topics","kind":"multiple_choice","required":false,"options":["shoes","bags"],
               "texts":{"en":{"label":"What did you buy?","options":{"shoes":"Shoes","bags":"Bags"}}}},
              {"id":"recommend","kind":"rating","required":false,"texts":{"en":{"label":"Recommend us?"}}},
              {"id":"details","kind":"free_text","required":false,"texts":{"en":{"label":"Anything else?"}}}]}
            """;

    private static final java.util.regex.Pattern GUARD =
            java.util.regex.Pattern.compile("name=\"_guard\" value=\"([^\"]+)\"");

    private SurveyApi() {
    }

    /** A form post as the page's own form makes it: with the guard field of the form just shown at {@code path}. */
    public static RequestSpecification form(String path) {
        java.util.regex.Matcher m = GUARD.matcher(given().when().get(path).then().statusCode(200).extract().asString());
        if (!m.find()) {
            throw new AssertionError("no guard field in the form at " + path);
        }
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_guard", m.group(1));
    }

    public static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    public static void saveSurvey(String surveyId) {
        api().body(WHY).when().put("/v1/surveys/" + surveyId).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A new invitation's JSON (id, url, ...). */
    public static JsonPath invite(String surveyId, String body) {
        return api().body(body).when().post("/v1/surveys/" + surveyId + "/invitations").then().statusCode(201)
                .extract().jsonPath();
    }

    /** The path of the personal link, such as /s/abc.def.ghi. */
    public static String pathOf(String url) {
        return url.substring(url.indexOf("/s/"));
    }
}
