package io.rekindle.segment.event;

import static io.rekindle.segment.support.TestStore.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** survey-service's answers arrive as survey_answered events; their traits land on the profile and drive segments. */
@QuarkusTest
class SurveyTraitsTest {

    private static String answer(String eventId, String customerId, String reason) {
        return """
                [{"eventId":"%s","customerId":"%s","type":"survey_answered","occurredAt":"2026-01-10T10:00:00Z",
                  "properties":{"surveyId":"why-stopped","reason":"%s","traits":{"survey_reason":"%s"}}}]"""
                .formatted(eventId, customerId, reason, reason);
    }

    @Test
    void anAnswersTraitsBecomeProfileAttributesThatASegmentCanRead() {
        api().body("{\"email\":\"tia@example.com\",\"attributes\":{\"tier\":\"gold\"}}").when().put("/v1/customers/tia")
                .then().statusCode(201);
        api().body("{\"email\":\"tom@example.com\"}").when().put("/v1/customers/tom").then().statusCode(201);
        api().body(answer("survey:t1:1", "tia", "too_many_emails")).when().post("/v1/events/batch").then().statusCode(200);
        api().body(answer("survey:t2:1", "tom", "price")).when().post("/v1/events/batch").then().statusCode(200);

        api().when().get("/v1/customers/tia").then().statusCode(200)
                .body("attributes.survey_reason", equalTo("too_many_emails")).body("attributes.tier", equalTo("gold"));
        api().body("{\"rule\":{\"field\":\"attributes.survey_reason\",\"op\":\"=\",\"value\":\"too_many_emails\"}}")
                .when().post("/v1/segments/preview").then().statusCode(200)
                .body("sample", hasItem("tia")).body("sample", not(hasItem("tom")));

        api().body(answer("survey:t1:2", "tia", "price")).when().post("/v1/events/batch").then().statusCode(200);
        api().when().get("/v1/customers/tia").then().body("attributes.survey_reason", equalTo("price"));
    }
}
