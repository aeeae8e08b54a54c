package io.rekindle.segment.order;

import static io.rekindle.segment.support.TestStore.api;
import static io.rekindle.segment.support.TestStore.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.segment.support.TestStore;

@QuarkusTest
class IntakeTest {

    @Inject
    TestStore store;

    @BeforeEach
    void empty() {
        store.clear();
        api().body("{\"email\":\"ana@example.com\"}").when().put("/v1/customers/ana").then().statusCode(201);
    }

    @Test
    void theSameOrderTwiceChangesNothingAndAChangedOrderUpdates() {
        String first = order("o-1", "ana", "2024-05-01T10:00:00Z", "40.00", "tea");
        api().body(first).when().post("/v1/orders").then().statusCode(201).body("created", equalTo(true));
        api().body(first).when().post("/v1/orders").then().statusCode(200).body("created", equalTo(false));
        api().when().get("/v1/customers/ana").then().body("metrics.orderCount", equalTo(1))
                .body("metrics.revenue", equalTo(40.0));

        api().body(first.replace("40.00", "55.00")).when().post("/v1/orders").then().statusCode(200);
        api().when().get("/v1/customers/ana").then().body("metrics.orderCount", equalTo(1))
                .body("metrics.revenue", equalTo(55.0));

        api().body(first.replace("\"placed\"", "\"refunded\"")).when().post("/v1/orders").then().statusCode(200);
        api().when().get("/v1/customers/ana").then().body("metrics.orderCount", equalTo(0));
    }

    @Test
    void badOrdersAreRefusedByField() {
        String good = order("o-2", "ana", "2024-05-01T10:00:00Z", "40.00", "tea");
        api().body(good.replace("40.00", "-1")).when().post("/v1/orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("total"));
        api().body(good.replace("\"placed\"", "\"shipped\"")).when().post("/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("placed"));
        api().body(good.replace("40.00", "\"forty\"")).when().post("/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("total"));
        api().body(good.replace("\"orderId\":\"o-2\",", "")).when().post("/v1/orders").then().statusCode(400)
                .body("errors.field", hasItem("orderId"));
        String future = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        api().body(good.replace("2024-05-01T10:00:00Z", future)).when().post("/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("placedAt"));
        api().body(good.substring(0, 30)).when().post("/v1/orders").then().statusCode(400)
                .contentType("application/problem+json");
        api().when().get("/v1/customers/ana").then().body("metrics.orderCount", equalTo(0));
    }

    @Test
    void aBatchStoresTheGoodRowsAndReportsTheBadOnes() {
        String future = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        api().body("[" + String.join(",",
                order("b-1", "ana", "2024-05-01T10:00:00Z", "10", "tea"),
                order("b-2", "ana", "2024-05-02T10:00:00Z", "-5", "tea"),
                order("b-3", "ana", future, "10", "tea"),
                "{\"orderId\":\"b-4\",\"customerId\":\"ana\",\"placedAt\":\"yesterday\",\"currency\":\"EUR\",\"total\":1,\"status\":\"placed\"}",
                "42",
                order("b-6", "nobody-yet", "2024-05-03T10:00:00Z", "30", "tea")) + "]")
                .when().post("/v1/orders/batch").then().statusCode(200)
                .body("received", equalTo(6))
                .body("stored", equalTo(2))
                .body("rejected.index", equalTo(java.util.List.of(1, 2, 3, 4)))
                .body("rejected[0].id", equalTo("b-2"))
                .body("rejected[0].errors.field", hasItem("total"))
                .body("rejected[1].errors[0].field", equalTo("placedAt"))
                .body("rejected[2].errors[0].field", equalTo("placedAt"));
        api().when().get("/v1/customers/ana").then().body("metrics.orderCount", equalTo(1));

        // An order for a customer not known yet is kept and counts once the profile arrives.
        api().body("{\"email\":\"late@example.com\"}").when().put("/v1/customers/nobody-yet").then()
                .statusCode(201).body("metrics.orderCount", equalTo(1));
    }

    @Test
    void anOversizedOrUnreadableBatchStoresNothing() {
        String row = order("x", "ana", "2024-05-01T10:00:00Z", "10", "tea");
        String rows = String.join(",", Collections.nCopies(10_001, row));
        api().body("[" + rows + "]").when().post("/v1/orders/batch").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("10000"));
        api().body("[" + row + ", {\"orderId\": ").when().post("/v1/orders/batch").then().statusCode(400)
                .contentType("application/problem+json");
        api().body("{\"orders\": []}").when().post("/v1/orders/batch").then().statusCode(400);
        api().body("[]").when().post("/v1/orders/batch").then().statusCode(400);
        api().when().get("/v1/customers/ana").then().body("metrics.orderCount", equalTo(0));
    }

    @Test
    void eventsAreDeduplicatedAndUnknownTypesKept() {
        String events = """
                [{"eventId":"e-1","customerId":"ana","type":"email_opened","occurredAt":"2024-05-01T10:00:00Z"},
                 {"eventId":"e-1","customerId":"ana","type":"email_opened","occurredAt":"2024-05-01T10:00:00Z"},
                 {"eventId":"e-2","customerId":"ana","type":"loyalty_badge_earned","occurredAt":"2024-05-02T10:00:00Z",
                  "properties":{"badge":"gold"}},
                 {"eventId":"e-3","customerId":"ana","type":"Not A Type","occurredAt":"2024-05-02T10:00:00Z"}]
                """;
        api().body(events).when().post("/v1/events/batch").then().statusCode(200)
                .body("stored", equalTo(2)).body("rejected", hasSize(1)).body("rejected[0].index", equalTo(3));
        api().body(events).when().post("/v1/events/batch").then().statusCode(200);
        api().when().get("/v1/customers/ana?asOf=2024-05-11").then().body("metrics.daysSinceLastEmailOpen", equalTo(10));
    }

    @Test
    void productsUpsertSingleAndInBatch() {
        api().body("{\"name\":\"Green tea\",\"category\":\"tea\",\"price\":12.5,\"inStock\":true}")
                .when().put("/v1/products/tea-1").then().statusCode(200).body("stored", equalTo(1));
        api().body("{\"sku\":\"other\",\"name\":\"x\"}").when().put("/v1/products/tea-1").then().statusCode(400)
                .body("errors[0].field", equalTo("sku"));
        api().body("{\"price\":-3}").when().put("/v1/products/tea-1").then().statusCode(400)
                .body("errors[0].field", equalTo("price"));
        api().body("[{\"sku\":\"tea-2\",\"category\":\"tea\",\"price\":3},{\"name\":\"no sku\"}]")
                .when().post("/v1/products/batch").then().statusCode(200)
                .body("stored", equalTo(1)).body("rejected[0].errors[0].field", equalTo("sku"));
    }
}
