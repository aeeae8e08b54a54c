package io.rekindle.scenario.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.scenario.support.PeerStandIn;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The offer guards at save time: a cart journey carries a discount only in a test variant, any other journey only
 * offers the site makes to everyone, an offer must exist in messaging-service, and only a send carries one.
 */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class OfferGuardsTest {

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    @BeforeEach
    void offers() {
        PeerStandIn.reset();
        offer("cart-10", false);
        offer("site-5", true);
        PeerStandIn.http.stubFor(WireMock.get("/v1/offers/missing-offer").atPriority(1).willReturn(WireMock
                .aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404}")));
    }

    private static void offer(String id, boolean siteOffering) {
        PeerStandIn.http.stubFor(WireMock.get("/v1/offers/" + id).atPriority(1).willReturn(WireMock.okJson("""
                {"id":"%s","version":1,"definition":{"name":"%s","kind":"percent","value":10,
                 "validUntil":"2030-01-01T00:00:00Z","siteOffering":%b},"codesAvailable":0,"codesAssigned":0}"""
                .formatted(id, id, siteOffering))));
    }

    private static String cart(String offers) {
        return """
                {"name":"Cart","trigger":{"type":"event","events":["cart_updated"],"key":"cartId"},
                 "steps":[{"id":"split","type":"split","branches":[{"variant":"A","weight":1,"next":"mail"},
                           {"variant":"B","weight":1,"next":"mail"}]},
                          {"id":"mail","type":"send","channel":"email","template":"cart-1",%s}]}"""
                .formatted(offers);
    }

    private static String lapsed(String offer) {
        return """
                {"name":"Lapsed","trigger":{"type":"segment","segment":"lapsed-buyers"},
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"lapsed-1","offer":"%s"}]}"""
                .formatted(offer);
    }

    @Test
    void aCartJourneyDiscountsOnlyInATestVariant() {
        api().body(cart("\"offer\":\"cart-10\"")).when().post("/v1/scenarios").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("steps[1].offer"))
                .body("errors[0].message", containsString("except in a test variant"));
        api().body(cart("\"offers\":{\"B\":\"cart-10\"}")).when().post("/v1/scenarios").then().statusCode(201)
                .body("definition.steps[1].offers.B", equalTo("cart-10"));
    }

    @Test
    void anyOtherJourneyOffersOnlyWhatTheSiteOffersEveryone() {
        api().body(lapsed("cart-10")).when().post("/v1/scenarios").then().statusCode(400)
                .body("errors[0].field", equalTo("steps[0].offer"))
                .body("errors[0].message", containsString("not a current site offering"));
        api().body(lapsed("site-5")).when().post("/v1/scenarios").then().statusCode(201);
        api().body(lapsed("missing-offer")).when().post("/v1/scenarios").then().statusCode(400)
                .body("errors[0].message", equalTo("no offer 'missing-offer' in messaging-service"));
    }

    @Test
    void onlyASendCarriesAnOffer() {
        api().body("""
                {"name":"Odd","trigger":{"type":"segment","segment":"lapsed-buyers"},
                 "steps":[{"id":"pause","type":"wait","duration":"P1D","offer":"site-5","next":"mail"},
                          {"id":"mail","type":"send","channel":"email","template":"lapsed-1"}]}""").when()
                .post("/v1/scenarios").then().statusCode(400).body("errors[0].field", equalTo("steps[0].offer"))
                .body("errors[0].message", equalTo("only a send step carries an offer"));
    }
}
