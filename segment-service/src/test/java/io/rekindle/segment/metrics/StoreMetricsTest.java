package io.rekindle.segment.metrics;

import static io.rekindle.segment.support.TestStore.api;
import static io.rekindle.segment.support.TestStore.order;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.segment.support.TestStore;

/** Exact figures on small hand-built stores. */
@QuarkusTest
class StoreMetricsTest {

    @Inject
    TestStore store;

    @Inject
    javax.sql.DataSource dataSource;

    @BeforeEach
    void empty() {
        store.clear();
    }

    private static void orders(String... rows) {
        api().body("[" + String.join(",", rows) + "]").when().post("/v1/orders/batch").then().statusCode(200)
                .body("stored", equalTo(rows.length));
    }

    private static void customers(String... ids) {
        for (String id : ids) {
            api().body("{\"email\":\"" + id + "@example.com\"}").when().put("/v1/customers/" + id).then()
                    .statusCode(201);
        }
    }

    @Test
    void rfmScoresShareTiesAndRankTheCombinedScore() {
        customers("a", "b", "c", "d", "e", "f");
        orders(order("a1", "a", "2020-10-01T10:00:00Z", "100", "shoes"),
                order("a2", "a", "2020-11-01T10:00:00Z", "100", "shoes"),
                order("a3", "a", "2020-12-31T10:00:00Z", "100", "shoes"),
                order("b1", "b", "2020-12-31T09:00:00Z", "50", "bags"),
                order("c1", "c", "2020-11-01T10:00:00Z", "150", "bags"),
                order("c2", "c", "2020-12-01T10:00:00Z", "150", "bags"),
                order("d1", "d", "2020-11-01T10:00:00Z", "20", "hats"),
                order("e1", "e", "2020-06-01T10:00:00Z", "20", "hats"),
                order("f1", "f", "2019-01-01T10:00:00Z", "999", "hats"));

        api().when().get("/v1/analytics/rfm?asOf=2020-12-31").then().statusCode(200)
                .body("customers", equalTo(5))
                .body("scores.555", equalTo(1))
                .body("scores.533", equalTo(1))
                .body("scores.345", equalTo(1))
                .body("scores.232", equalTo(1))
                .body("scores.132", equalTo(1))
                .body("cells.Champions", equalTo(1))
                .body("cells.Loyal", equalTo(2))
                .body("cells.'At risk'", equalTo(2));

        expectRfm("a", "555", 15, 100.0, "Champions");
        expectRfm("b", "533", 11, 60.0, "Loyal");
        expectRfm("c", "345", 12, 80.0, "Loyal");
        expectRfm("d", "232", 7, 40.0, "At risk");
        expectRfm("e", "132", 6, 20.0, "At risk");
        api().when().get("/v1/customers/f?asOf=2020-12-31").then().statusCode(200).body("metrics.rfm", nullValue());

        api().when().post("/v1/analytics/recompute?asOf=2020-12-31").then().statusCode(200)
                .body("rfmCustomers", equalTo(5));
        api().when().get("/v1/customers/d").then().statusCode(200)
                .body("metrics.rfm.score", equalTo("232"))
                .body("metrics.rfm.asOf", equalTo("2020-12-31"));
    }

    private static void expectRfm(String customer, String score, int total, double percentile, String cell) {
        api().when().get("/v1/customers/" + customer + "?asOf=2020-12-31").then().statusCode(200)
                .body("metrics.rfm.score", equalTo(score))
                .body("metrics.rfm.total", equalTo(total))
                .body("metrics.rfm.percentile", closeTo(percentile, 1e-9))
                .body("metrics.rfm.cell", equalTo(cell));
    }

    @Test
    void rhythmAndOverdueRatioAgainstTheirOwnGapOrTheCohortDefault() {
        customers("p", "q", "r", "s");
        orders(order("p1", "p", "2020-01-05T12:00:00Z", "40", "tea"),
                order("p2", "p", "2020-02-04T12:00:00Z", "60", "tea"),
                order("p3", "p", "2020-04-04T12:00:00Z", "80", "coffee"),
                order("q1", "q", "2020-01-10T12:00:00Z", "10", "tea"),
                order("q2", "q", "2020-02-09T12:00:00Z", "10", "tea"),
                order("r1", "r", "2020-02-01T12:00:00Z", "10", "tea"),
                order("r2", "r", "2020-03-02T12:00:00Z", "10", "tea"),
                order("s1", "s", "2020-03-01T12:00:00Z", "25", "mugs"));
        api().body("[" + order("p4", "p", "2020-04-20T12:00:00Z", "500", "tea").replace("\"placed\"", "\"cancelled\"") + "]")
                .when().post("/v1/orders/batch").then().statusCode(200);

        // p: gaps 30 and 60 days, last order 2020-04-04; 30 days later they are exactly half-way through their rhythm.
        api().when().get("/v1/customers/p?asOf=2020-05-04").then().statusCode(200)
                .body("metrics.orderCount", equalTo(3))
                .body("metrics.revenue", equalTo(180.0))
                .body("metrics.averageOrderValue", equalTo(60.0))
                .body("metrics.daysSinceLastOrder", equalTo(30))
                .body("metrics.lastPurchasedCategory", equalTo("coffee"))
                .body("metrics.rhythm.averageGapDays", closeTo(45.0, 1e-9))
                .body("metrics.rhythm.medianGapDays", closeTo(45.0, 1e-9))
                .body("metrics.rhythm.overdueRatio", closeTo(30.0 / 45.0, 1e-9))
                .body("metrics.rhythm.basis", equalTo("own"));

        // s has one order: the store's first-to-second latency (30 days for p, q and r) stands in.
        api().when().get("/v1/customers/s?asOf=2020-04-15").then().statusCode(200)
                .body("metrics.daysSinceLastOrder", equalTo(45))
                .body("metrics.rhythm.overdueRatio", closeTo(1.5, 1e-9))
                .body("metrics.rhythm.basis", equalTo("cohort"));

        // The full recompute writes the same figures for every customer.
        api().when().post("/v1/analytics/recompute?asOf=2020-05-04").then().statusCode(200)
                .body("customers", equalTo(4));
        assertEquals(List.of("3", "45.0", "coffee", "180.00"), materialized("p"));
        assertEquals(List.of("1", "null", "mugs", "25.00"), materialized("s"));

        api().when().get("/v1/analytics/purchase-latency?asOf=2020-05-04").then().statusCode(200)
                .body("firstToSecondDays", closeTo(30.0, 1e-9))
                .body("customersWithSecond", equalTo(3))
                .body("secondToThirdDays", closeTo(60.0, 1e-9))
                .body("customersWithThird", equalTo(1));
    }

    private List<String> materialized(String customerId) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT order_count, average_gap_days, last_category, revenue FROM customer_metrics WHERE customer_id = ?")) {
            ps.setString(1, customerId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1), String.valueOf(rs.getObject(2)), rs.getString(3), rs.getString(4));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void retentionMatrixByFirstPurchaseMonth() {
        orders(order("p1", "p", "2020-01-05T12:00:00Z", "40", "tea"),
                order("p2", "p", "2020-02-04T12:00:00Z", "60", "tea"),
                order("p3", "p", "2020-04-04T12:00:00Z", "80", "tea"),
                order("q1", "q", "2020-01-10T12:00:00Z", "10", "tea"),
                order("q2", "q", "2020-02-09T12:00:00Z", "10", "tea"),
                order("r1", "r", "2020-02-01T12:00:00Z", "10", "tea"),
                order("r2", "r", "2020-03-02T12:00:00Z", "10", "tea"));

        api().when().get("/v1/analytics/retention?asOf=2020-04-30").then().statusCode(200)
                .body("cohorts.cohort", equalTo(List.of("2020-01", "2020-02")))
                .body("cohorts[0].customers", equalTo(2))
                .body("cohorts[0].retained", equalTo(List.of(1.0, 0.0, 0.5)))
                .body("cohorts[1].customers", equalTo(1))
                .body("cohorts[1].retained", equalTo(List.of(1.0, 0.0)));
    }

    @Test
    void engagementRecencyFromEvents() {
        customers("g");
        api().body("""
                [{"eventId":"g-1","customerId":"g","type":"email_opened","occurredAt":"2021-03-01T08:00:00Z"},
                 {"eventId":"g-2","customerId":"g","type":"site_visit","occurredAt":"2021-03-20T08:00:00Z"},
                 {"eventId":"g-3","customerId":"g","type":"wishlist_shared","occurredAt":"2021-03-25T08:00:00Z"}]
                """).when().post("/v1/events/batch").then().statusCode(200).body("stored", equalTo(3));

        api().when().get("/v1/customers/g?asOf=2021-03-31").then().statusCode(200)
                .body("metrics.daysSinceLastEmailOpen", equalTo(30))
                .body("metrics.daysSinceLastEngagement", equalTo(11))
                .body("metrics.daysSinceLastOrder", nullValue())
                .body("metrics.orderCount", equalTo(0));
    }
}
