package io.rekindle.survey.page;

import static io.rekindle.survey.support.SurveyApi.api;
import static io.rekindle.survey.support.SurveyApi.invite;
import static io.rekindle.survey.support.SurveyApi.pathOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.survey.support.Peers;
import io.rekindle.survey.support.SurveyApi;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(Peers.class)
class SurveyPageTest {

    private String path;

    @BeforeEach
    void invitation() {
        SurveyApi.saveSurvey("page");
        path = pathOf(invite("page", "{\"customerId\":\"c-page-" + System.nanoTime() + "\"}").getString("url"));
    }

    private RequestSpecification form() {
        return SurveyApi.form(path);
    }

    @Test
    void answeringShowsTheThankYouPageAndTheAnswersComeBackPrefilled() {
        form().formParam("reason", "quality").formParam("topics", "shoes").formParam("topics", "bags")
                .formParam("recommend", "9").formParam("details", "Sizes run small")
                .when().post(path).then().statusCode(200).body(containsString("Thank you!"))
                .body(not(containsString("<form")));
        String again = given().when().get(path).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.hamcrest.MatcherAssert.assertThat(again,
                        containsString("value=\"quality\" checked")),
                () -> org.hamcrest.MatcherAssert.assertThat(again, containsString("value=\"bags\" checked")),
                () -> org.hamcrest.MatcherAssert.assertThat(again, containsString("value=\"9\" checked")),
                () -> org.hamcrest.MatcherAssert.assertThat(again, containsString(">Sizes run small</textarea>")));
    }

    @Test
    void submittingTwiceUpdatesTheOneAnswer() {
        SurveyApi.saveSurvey("twice");
        path = pathOf(invite("twice", "{\"customerId\":\"c-twice\"}").getString("url"));
        form().formParam("reason", "price").when().post(path).then().statusCode(200);
        form().formParam("reason", "emails").when().post(path).then().statusCode(200);
        api().when().get("/v1/surveys/twice/results").then().statusCode(200)
                .body("invitations", equalTo(1)).body("responses", equalTo(1))
                .body("questions[0].options.find { it.id == 'emails' }.count", equalTo(1))
                .body("questions[0].options.find { it.id == 'price' }.count", equalTo(0));
        String csv = api().when().get("/v1/surveys/twice/results.csv").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(2, csv.lines().count(), csv);
        org.hamcrest.MatcherAssert.assertThat(csv, containsString(",c-twice,"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString(",emails,"));
    }

    @Test
    void aMissingRequiredAnswerReshowsTheFormWithTheErrorNextToTheQuestionAndKeepsTheRest() {
        Response r = form().formParam("recommend", "4").formParam("details", "keep me").when().post(path);
        r.then().statusCode(422).body(containsString("id=\"error-summary\""))
                .body(containsString("<fieldset id=\"q-reason\" class=\"invalid\" aria-describedby=\"err-reason\">"))
                .body(containsString("<p class=\"error\" id=\"err-reason\">Please answer this question.</p>"))
                .body(containsString("value=\"4\" checked")).body(containsString(">keep me</textarea>"));
        api().when().get("/v1/surveys/page/invitations/" + path.substring(3, path.indexOf('.'))).then().statusCode(200);
    }

    @Test
    void hostileInputIsEscapedAndBounded() {
        String html = "<script>alert('x')</script><b>bold</b>";
        form().formParam("details", html).when().post(path).then().statusCode(422)
                .body(not(containsString("<script>alert"))).body(containsString("&lt;script&gt;alert("));
        form().formParam("reason", "price").formParam("details", "x".repeat(2_001)).when().post(path).then()
                .statusCode(422).body(containsString("Please keep it under 2,000 characters."));
        form().formParam("reason", "<img src=x>").when().post(path).then().statusCode(422)
                .body(containsString("Please choose one of the options."));
        form().formParam("reason", "price").formParam("recommend", "11").when().post(path).then().statusCode(422)
                .body(containsString("Please pick a number from 0 to 10."));
        form().formParam("reason", "price").formParam("details", html).when().post(path).then().statusCode(200);
        given().when().get(path).then().statusCode(200).body(not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void aPostWithoutTheFormsGuardOrFromAnotherSiteIsRefusedAndStoresNothing() {
        given().contentType("application/x-www-form-urlencoded").formParam("reason", "price")
                .when().post(path).then().statusCode(403).body(containsString("The form has expired"));
        form().header("Origin", "https://evil.example").formParam("reason", "price")
                .when().post(path).then().statusCode(403);
        given().contentType("application/x-www-form-urlencoded").formParam("_guard", "kx2.forgedforgedforgedforged")
                .formParam("reason", "price").when().post(path).then().statusCode(403);
        given().when().get(path).then().statusCode(200).body(not(containsString("checked")));
    }

    @Test
    void aBodyThatIsNotAFormIsA400PageAndAForgedLinkIsRefusedBeforeItsBodyIsRead() {
        given().contentType("application/x-www-form-urlencoded").body("reason=%zz&_guard=%")
                .when().post(path).then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("The form has expired"));
        given().contentType("application/x-www-form-urlencoded").body("reason=%zz")
                .when().post("/s/forged.1.AAAA").then().statusCode(404).contentType(containsString("text/html"));
        given().when().get(path).then().statusCode(200).body(not(containsString("checked")));
    }
}
