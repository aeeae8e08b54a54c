package io.rekindle.messaging.message;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rekindle.messaging.support.StandIns;

/**
 * Redemptions: orders that carried an offer's code, as segment-service passes them on, attributed to the message that
 * gave the code, in the offer's report; and the smart exposure cap: a customer who redeemed a discount beyond the
 * site's gets no other for the rest period.
 */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class RedemptionTest extends SendingFixture {

    private static final String CART_MAIL = """
            {"channel":"email","customerId":"c1","template":"cart-mail","category":"transactional","offer":"%s",
             "repeatIntended":true,"attribution":{"scenario":"cart-abandonment","step":"reminder","variant":"B"}}""";

    @BeforeEach
    void aCartOfferWithAPool() {
        template("cart-mail", """
                {"channel":"email","locales":{"en":{"subject":"Your cart","text":"Code: {vars.offer.code ?: 'none'}"}}}""");
        api().body("""
                {"name":"Cart 10%","kind":"percent","value":10,"validUntil":"2026-01-01T00:00:00Z"}""")
                .when().put("/v1/offers/cart-10").then().statusCode(201);
        api().body("{\"codes\":[\"CART-A\",\"CART-B\",\"CART-C\",\"CART-D\"]}").when()
                .post("/v1/offers/cart-10/codes").then().statusCode(200);
        api().body("""
                {"name":"Free shipping","kind":"free_shipping","code":"SHIPFREE","validUntil":"2026-01-01T00:00:00Z",
                 "siteOffering":true}""").when().put("/v1/offers/ship").then().statusCode(201);
    }

    private String sendCart(String key, String offer) {
        String id = send(key, CART_MAIL.formatted(offer));
        deliver(id);
        return id;
    }

    private static ValidatableResponse redemptions(String body) {
        return given().header("Authorization", "Bearer rekindle-dev-service-key").contentType("application/json")
                .body(body).when().post("/v1/redemptions").then();
    }

    private static String order(String orderId, String customer, String code, String status, String total) {
        return """
                {"orderId":"%s","customerId":"%s","code":"%s","status":"%s","placedAt":"2025-06-03T10:00:00Z",
                 "currency":"EUR","total":"%s"}""".formatted(orderId, customer, code, status, total);
    }

    @Test
    void ordersCarryingItsCodesMakeTheOffersReportWhateverIsResent() {
        String message = sendCart("cart-1", "cart-10");
        String code = api().when().get("/v1/messages/" + message).then().extract().path("offer.code");
        assertEquals("CART-A", code);
        sendCart("cart-2", "cart-10");

        String batch = "[" + order("o-1", "c1", "cart-a", "placed", "90.00") + ","
                + order("o-2", "c7", "CART-C", "placed", "45.00").replace("\"total\"", "\"discount\":\"5.00\",\"total\"")
                + "," + order("o-3", "c1", "NOT-OURS", "placed", "20.00") + "]";
        redemptions(batch).statusCode(200).body("received", equalTo(3)).body("matched", equalTo(2));
        redemptions(batch).statusCode(200).body("matched", equalTo(2));

        api().when().get("/v1/offers/cart-10/report").then().statusCode(200)
                .body("codesSent", equalTo(2)).body("redeemed", equalTo(2)).body("redeemedByRecipients", equalTo(1))
                .body("reversed", equalTo(0)).body("redemptionRate", equalTo(0.5f))
                .body("byCurrency[0].currency", equalTo("EUR")).body("byCurrency[0].orders", equalTo(2))
                // 90 paid at 10% off: 10 off the 100 before; the second order said 5.
                .body("byCurrency[0].discountCost", equalTo(15.0f)).body("byCurrency[0].discountEstimated", equalTo(1))
                .body("byCurrency[0].revenue", equalTo(135.0f));

        redemptions("[" + order("o-1", "c1", "CART-A", "refunded", "90.00") + "]").statusCode(200);
        api().when().get("/v1/offers/cart-10/report").then().body("redeemed", equalTo(1)).body("reversed", equalTo(1))
                .body("redeemedByRecipients", equalTo(0)).body("byCurrency[0].revenue", equalTo(45.0f));
        api().when().get("/v1/offers/nothing/report").then().statusCode(404);
    }

    @Test
    void aCustomerWhoRedeemedACartDiscountGetsNoOtherForTheRestPeriod() {
        sendCart("cart-1", "cart-10");
        redemptions("[" + order("o-1", "c1", "CART-A", "placed", "90.00") + "]").statusCode(200);

        clock.set(MORNING.plus(Duration.ofDays(10)));
        String capped = sendCart("cart-2", "cart-10");
        api().when().get("/v1/messages/" + capped).then().body("offer.code", nullValue()).body("offer.withheld",
                equalTo("redeemed a discount on 2025-06-03; none beyond the site's before 2025-09-01"));
        assertEquals("Code: none", lastText());
        String signal = data.rows("SELECT payload::text FROM outbox WHERE destination = 'SCENARIO_SIGNALS' "
                + "AND payload ->> 'type' = 'offer_withheld'");
        assertTrue(signal.contains("\"signalId\": \"offer-withheld-" + capped + "\"")
                && signal.contains("\"step\": \"reminder\"") && signal.contains("redeemed a discount"), signal);

        String site = sendCart("cart-3", "ship");
        api().when().get("/v1/messages/" + site).then().body("offer.code", equalTo("SHIPFREE"));

        clock.set(MORNING.plus(Duration.ofDays(92)));
        String again = sendCart("cart-4", "cart-10");
        api().when().get("/v1/messages/" + again).then().body("offer.withheld", nullValue())
                .body("offer.code", equalTo("CART-B"));
    }

    @Test
    void erasureKeepsTheFiguresButNotTheCustomerOrTheOrder() {
        sendCart("cart-1", "cart-10");
        redemptions("[" + order("o-1", "c1", "CART-A", "placed", "90.00") + "]").statusCode(200);

        given().header("Authorization", "Bearer rekindle-dev-service-key").when().delete("/v1/customers/c1").then()
                .statusCode(204);

        assertEquals(0, data.count("SELECT count(*) FROM offer_redemption WHERE customer_id = 'c1' OR order_id = 'o-1'"));
        api().when().get("/v1/offers/cart-10/report").then().body("redeemed", equalTo(1))
                .body("byCurrency[0].revenue", equalTo(90.0f));
    }

    @Test
    void aMalformedRedemptionIsRefusedNamingTheField() {
        redemptions("[" + order("o-1", "c1", "CART-A", "lost", "90.00") + "]").statusCode(400)
                .contentType("application/problem+json");
        redemptions("[" + order("o-1", "c1", "CART-A", "placed", "-1") + "]").statusCode(400);
        given().header("Authorization", "Bearer rekindle-dev-storefront-key").contentType("application/json").body("[]")
                .when().post("/v1/redemptions").then().statusCode(403);
        assertEquals(0, data.count("SELECT count(*) FROM offer_redemption"));
    }

    private static String lastText() {
        try {
            var mail = mail();
            return String.valueOf(mail[mail.length - 1].getContent()).trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
