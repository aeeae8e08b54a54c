package io.rekindle.survey.invitation;

import static io.rekindle.survey.support.SurveyApi.api;
import static io.rekindle.survey.support.SurveyApi.invite;
import static io.rekindle.survey.support.SurveyApi.pathOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.survey.support.Peers;
import io.rekindle.survey.support.SurveyApi;
import io.rekindle.platform.testing.TestClock;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(Peers.class)
class InvitationTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void survey() {
        SurveyApi.saveSurvey("inv");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void invitationGivesAPersonalLinkWithoutPersonalDataThatExpiresByDefaultIn30Days() {
        clock.set("2026-03-01T10:00:00Z");
        JsonPath invitation = invite("inv", """
                {"customerId":"alice@example.com","locale":"fr","attribution":{"scenario":"winback","step":"ask","variant":"A"}}""");
        assertEquals("2026-03-31T10:00:00Z", invitation.getString("expiresAt"));
        String url = invitation.getString("url");
        assertFalse(url.contains("alice"), url);
        given().when().get(pathOf(url)).then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin")
                .body(containsString("<form")).body(containsString("lang=\"fr\""))
                .body(containsString("Raison principale"));
        api().when().get("/v1/surveys/inv/invitations/" + invitation.getString("id")).then().statusCode(200)
                .body("attribution.variant", equalTo("A")).body("url", equalTo(url));
    }

    @Test
    void alteredOrForgedTokensGetAFriendlyNotFoundPage() {
        String path = pathOf(invite("inv", "{\"customerId\":\"c-forged\"}").getString("url"));
        String token = path.substring(3);
        String[] parts = token.split("\\.");
        String otherId = (parts[0].charAt(0) == 'A' ? "B" : "A") + parts[0].substring(1);
        String longerExpiry = Long.toString(Long.parseLong(parts[1], 36) + 86_400, 36);
        for (String forged : new String[] {otherId + "." + parts[1] + "." + parts[2],
                parts[0] + "." + longerExpiry + "." + parts[2], "forged-token-123", token + "x"}) {
            given().when().get("/s/" + forged).then().statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("This link does not work")).body(not(containsString("<form")));
        }
    }

    @Test
    void anExpiredLinkShowsAClosedPageAndTakesNoAnswer() {
        clock.set("2026-03-01T10:00:00Z");
        String path = pathOf(invite("inv", """
                {"customerId":"c-exp","expiresAt":"2026-03-02T10:00:00Z"}""").getString("url"));
        given().when().get(path).then().statusCode(200);
        clock.set("2026-03-02T10:00:00Z");
        given().when().get(path).then().statusCode(410).body(containsString("This survey has closed"));
        given().formParam("reason", "price").when().post(path).then().statusCode(410);
        api().when().get("/v1/surveys/inv/results").then().body("responses", equalTo(0));
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameInvitationAndADifferentBodyIsAConflict() {
        String body = "{\"customerId\":\"c-idem\",\"attribution\":{\"scenario\":\"s\",\"step\":\"1\"}}";
        String first = api().header("Idempotency-Key", "enr-1:step-1").body(body)
                .when().post("/v1/surveys/inv/invitations").then().statusCode(201).extract().path("id");
        api().header("Idempotency-Key", "enr-1:step-1").body(body)
                .when().post("/v1/surveys/inv/invitations").then().statusCode(200).body("id", equalTo(first));
        api().header("Idempotency-Key", "enr-1:step-1").body(body.replace("c-idem", "c-other"))
                .when().post("/v1/surveys/inv/invitations").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneInvitationAndNoError() throws Exception {
        String body = "{\"customerId\":\"c-race\"}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String key = "race-" + round;
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> answers =
                        new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return api().header("Idempotency-Key", key).body(body).when()
                                .post("/v1/surveys/inv/invitations");
                    }));
                }
                go.countDown();
                java.util.Set<String> ids = new java.util.HashSet<>();
                int created = 0;
                for (var answer : answers) {
                    io.restassured.response.Response r = answer.get();
                    org.junit.jupiter.api.Assertions.assertTrue(r.statusCode() == 200 || r.statusCode() == 201,
                            r.statusCode() + ": " + r.asString());
                    created += r.statusCode() == 201 ? 1 : 0;
                    ids.add(r.jsonPath().getString("id"));
                }
                org.junit.jupiter.api.Assertions.assertEquals(1, created, "one request creates, the others read it");
                org.junit.jupiter.api.Assertions.assertEquals(1, ids.size(), ids.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInvitationsAreNamedProblems() {
        clock.set("2026-03-01T10:00:00Z");
        api().body("{\"customerId\":\"c\",\"expiresAt\":\"2026-02-01T00:00:00Z\"}")
                .when().post("/v1/surveys/inv/invitations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("expiresAt"));
        api().body("{\"locale\":\"en\"}").when().post("/v1/surveys/inv/invitations").then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        api().body("{\"customerId\":\"c\"}").when().post("/v1/surveys/nope/invitations").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"customerId\":\"c\"}")
                .when().post("/v1/surveys/inv/invitations").then().statusCode(401);
    }

    @Test
    void tokensSignedWithARetiredKeyStillOpenWhileItIsListed() {
        TokenSigner old = new TokenSigner(java.util.List.of("an-older-key-0123456789"));
        TokenSigner rotated = new TokenSigner(java.util.List.of("the-newer-key-0123456789", "an-older-key-0123456789"));
        String token = new InvitationToken("abcdefghijklmnop", Instant.parse("2030-01-01T00:00:00Z")).sign(old);
        assertEquals("abcdefghijklmnop", InvitationToken.verify(token, rotated).orElseThrow().invitationId());
        assertFalse(InvitationToken.verify(token, new TokenSigner(java.util.List.of("the-newer-key-0123456789")))
                .isPresent());
        org.junit.jupiter.api.Assertions.assertNotEquals(token, new InvitationToken("abcdefghijklmnop",
                Instant.parse("2030-01-01T00:00:00Z")).sign(rotated), "the newest key signs");
    }
}
