package io.rekindle.segment.recommendation;

import static io.rekindle.segment.support.TestStore.api;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.segment.support.TestStore;

@QuarkusTest
class RecommendationsTest {

    @Inject
    TestStore store;

    private static final String RECENT = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
            .toString();

    @BeforeEach
    void shop() {
        store.clear();
        api().body("""
                [{"sku":"tea-a","name":"Sencha","category":"tea","price":9},
                 {"sku":"tea-b","name":"Assam","category":"tea","price":8},
                 {"sku":"tea-c","name":"Matcha","category":"tea","price":20,"inStock":false},
                 {"sku":"mug-a","name":"Blue mug","category":"mugs","price":12},
                 {"sku":"mug-b","name":"Red mug","category":"mugs","price":12},
                 {"sku":"bag-a","name":"Tote","category":"bags","price":15}]
                """).when().post("/v1/products/batch").then().statusCode(200).body("stored", equalTo(6));
        api().body("""
                [{"orderId":"r-1","customerId":"reader","placedAt":"%1$s","currency":"EUR","total":9,"status":"placed",
                  "items":[{"sku":"tea-a","category":"tea","quantity":1,"unitPrice":9}]},
                 {"orderId":"z-1","customerId":"other","placedAt":"%1$s","currency":"EUR","total":74,"status":"placed",
                  "items":[{"sku":"mug-b","category":"mugs","quantity":3,"unitPrice":12},
                           {"sku":"bag-a","category":"bags","quantity":2,"unitPrice":15},
                           {"sku":"tea-b","category":"tea","quantity":1,"unitPrice":8}]}]
                """.formatted(RECENT)).when().post("/v1/orders/batch").then().statusCode(200)
                .body("stored", equalTo(2));
        api().body("""
                [{"eventId":"v-1","customerId":"reader","type":"product_viewed","occurredAt":"%s",
                  "properties":{"sku":"mug-a"}}]
                """.formatted(RECENT)).when().post("/v1/events/batch").then().statusCode(200);
    }

    @Test
    void lastCategoryFirstThenBestsellersNeverBoughtOrOutOfStock() {
        api().when().get("/v1/customers/reader/recommendations?limit=3").then().statusCode(200)
                .body("strategy", equalTo("last-category"))
                .body("basisCategory", equalTo("tea"))
                .body("items.sku", equalTo(List.of("tea-b", "mug-b", "bag-a")))
                .body("items[0].reason", equalTo("from your last purchased category"))
                .body("items[1].reason", equalTo("bestseller"));
    }

    @Test
    void similarToTheLastViewedProduct() {
        api().when().get("/v1/customers/reader/recommendations?strategy=viewed-similar&limit=3").then()
                .statusCode(200)
                .body("basisCategory", equalTo("mugs"))
                .body("items.sku", equalTo(List.of("mug-b", "bag-a", "tea-b")));
    }

    @Test
    void bestsellersByUnitsSold() {
        api().when().get("/v1/customers/reader/recommendations?strategy=bestsellers&limit=2").then()
                .statusCode(200).body("items.sku", equalTo(List.of("mug-b", "bag-a")));
        api().when().get("/v1/customers/newcomer/recommendations?strategy=bestsellers&limit=10").then()
                .statusCode(200).body("items.sku", equalTo(List.of("mug-b", "bag-a", "tea-a", "tea-b", "mug-a")));
    }

    @Test
    void theRankingCountsOrdersStoredSinceItWasLastAskedFor() {
        api().when().get("/v1/customers/newcomer/recommendations?strategy=bestsellers&limit=1").then()
                .statusCode(200).body("items.sku", equalTo(List.of("mug-b")));
        api().body("""
                {"orderId":"y-1","customerId":"fan","placedAt":"%s","currency":"EUR","total":90,"status":"placed",
                 "items":[{"sku":"tea-a","category":"tea","quantity":10,"unitPrice":9}]}
                """.formatted(RECENT)).when().post("/v1/orders").then().statusCode(201);
        api().when().get("/v1/customers/newcomer/recommendations?strategy=bestsellers&limit=1").then()
                .statusCode(200).body("items.sku", equalTo(List.of("tea-a")));
    }

    @Test
    void unknownStrategyOrLimitIsA400() {
        api().when().get("/v1/customers/reader/recommendations?strategy=random").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("strategy"));
        api().when().get("/v1/customers/reader/recommendations?limit=500").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
