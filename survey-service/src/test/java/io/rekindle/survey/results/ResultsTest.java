package io.rekindle.survey.results;

import static io.rekindle.survey.support.SurveyApi.api;
import static io.rekindle.survey.support.SurveyApi.invite;
import static io.rekindle.survey.support.SurveyApi.pathOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.survey.support.Peers;
import io.rekindle.survey.support.SurveyApi;
import io.rekindle.platform.testing.TestClock;

/**
 * Six invitations, four answers, on a fixed dataset whose figures are worked out by hand in each assertion.
 */
@QuarkusTest
@QuarkusTestResource(Peers.class)
class ResultsTest {

    @Inject
    TestClock clock;

    private static boolean loaded;

    @BeforeEach
    void dataset() {
        if (loaded) {
            return;
        }
        loaded = true;
        SurveyApi.saveSurvey("res");
        clock.set("2026-05-01T09:00:00Z");
        answer("r1", "A", Map.of("reason", List.of("price"), "topics", List.of("shoes", "bags"), "recommend",
                List.of("10"), "details", List.of("=HYPERLINK(\"x\"), said \"no\"")));
        answer("r2", "A", Map.of("reason", List.of("price"), "recommend", List.of("3")));
        clock.set("2026-05-10T09:00:00Z");
        answer("r3", "B", Map.of("reason", List.of("emails"), "topics", List.of("bags"), "recommend", List.of("8")));
        answer("r4", "B", Map.of("reason", List.of("quality"), "recommend", List.of("9")));
        invite("res", attribution("r5", "A"));
        invite("res", attribution("r6", "B"));
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String attribution(String customer, String variant) {
        return "{\"customerId\":\"" + customer + "\",\"attribution\":{\"scenario\":\"winback\",\"step\":\"ask\","
                + "\"variant\":\"" + variant + "\"}}";
    }

    private static void answer(String customer, String variant, Map<String, List<String>> fields) {
        String path = pathOf(invite("res", attribution(customer, variant)).getString("url"));
        var form = SurveyApi.form(path);
        fields.forEach((k, v) -> form.formParam(k, v.toArray()));
        form.when().post(path).then().statusCode(200);
    }

    @Test
    void countsSharesNpsAndResponseRate() {
        api().when().get("/v1/surveys/res/results").then().statusCode(200)
                .body("invitations", equalTo(6)).body("responses", equalTo(4))
                // 4 / 6
                .body("responseRate", equalTo(0.6667f))
                .body("questions[0].answered", equalTo(4))
                .body("questions[0].options.id", contains("price", "quality", "emails"))
                .body("questions[0].options.count", contains(2, 1, 1))
                .body("questions[0].options.share", contains(0.5f, 0.25f, 0.25f))
                // multiple choice: shares of the 2 who answered, so they may add up to more than 1
                .body("questions[1].answered", equalTo(2))
                .body("questions[1].options.count", contains(1, 2))
                .body("questions[1].options.share", contains(0.5f, 1.0f))
                // ratings 10, 3, 8, 9: promoters 2, passives 1, detractors 1: (2 - 1) / 4 = 25; mean 7.5
                .body("questions[2].nps.score", equalTo(25.0f))
                .body("questions[2].nps.promoters", equalTo(2)).body("questions[2].nps.passives", equalTo(1))
                .body("questions[2].nps.detractors", equalTo(1)).body("questions[2].nps.average", equalTo(7.5f))
                .body("questions[3].texts.text", contains("=HYPERLINK(\"x\"), said \"no\""));
    }

    @Test
    void filtersByVariantAndByTheDayTheInvitationWasSent() {
        // variant B: r3, r4 answered, r6 not: 2 / 3; ratings 8 and 9: (1 - 0) / 2 = 50
        api().queryParam("variant", "B").when().get("/v1/surveys/res/results").then().statusCode(200)
                .body("invitations", equalTo(3)).body("responses", equalTo(2))
                .body("responseRate", equalTo(0.6667f)).body("questions[2].nps.score", equalTo(50.0f));
        // sent before May 5th: r1 and r2 only
        api().queryParam("from", "2026-05-01T00:00:00Z").queryParam("to", "2026-05-05T00:00:00Z")
                .when().get("/v1/surveys/res/results").then().statusCode(200)
                .body("invitations", equalTo(2)).body("responses", equalTo(2))
                .body("questions[0].options.count", contains(2, 0, 0));
        api().queryParam("scenario", "other").when().get("/v1/surveys/res/results").then()
                .body("invitations", equalTo(0)).body("responseRate", equalTo(null));
        api().queryParam("from", "yesterday").when().get("/v1/surveys/res/results").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }

    @Test
    void csvHasOneLinePerAnswerAndDefusesFormulas() {
        String csv = api().when().get("/v1/surveys/res/results.csv").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"res-results.csv\"").extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("invitation_id,customer_id,scenario,step,variant,invited_at,answered_at,reason,topics,recommend,details",
                lines.get(0));
        assertEquals(5, lines.size(), csv);
        String r1 = lines.stream().filter(l -> l.contains(",r1,")).findFirst().orElseThrow();
        assertEquals(",r1,winback,ask,A,2026-05-01T09:00:00Z,2026-05-01T09:00:00Z,price,shoes;bags,10,"
                + "\"'=HYPERLINK(\"\"x\"\"), said \"\"no\"\"\"", r1.substring(r1.indexOf(",r1,")));
    }
}
