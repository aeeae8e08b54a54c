package io.rekindle.segment.value;

import static io.rekindle.segment.support.TestStore.api;
import static io.rekindle.segment.support.TestStore.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.segment.segments.Reevaluations;
import io.rekindle.segment.support.TestStore;

/** Customer value on the CDNOW sample: the grid, the profile and the rule fields say the same thing. */
@QuarkusTest
class CustomerValueTest {

    private static final LocalDate CALIBRATION_END = LocalDate.parse("1997-09-30");

    @Inject
    TestStore store;

    @Inject
    TestClock clock;

    @Inject
    Reevaluations reevaluations;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static JsonPath cdnowValued(TestStore store) {
        store.clear();
        TestStore.cdnow(true);
        api().when().post("/v1/analytics/recompute?asOf=" + CALIBRATION_END).then().statusCode(200);
        return api().when().get("/v1/analytics/value").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theGridTheProfileAndTheRulesAgree() throws IOException {
        JsonPath grid = cdnowValued(store);

        assertEquals("1997-09-30", grid.getString("asOf"));
        assertEquals(2357, grid.getInt("customers"));
        assertEquals(2357, grid.getInt("buyers"), "the whole cohort bought in the first quarter of 1997");
        assertEquals(0, grid.getInt("unplaced"));
        List<Map<String, Object>> cells = grid.getList("cells");
        assertEquals(25, cells.size());
        assertEquals(5, ((Number) cells.get(0).get("current")).intValue(), "the first row is the highest");
        assertEquals(1, ((Number) cells.get(0).get("potential")).intValue());
        for (int q = 1; q <= 5; q++) {
            int quintile = q;
            assertEquals(2357 / 5.0, customers(cells, (c, p) -> c == quintile), 2357 * 0.02, "current " + q);
            assertEquals(2357 / 5.0, customers(cells, (c, p) -> p == quintile), 2357 * 0.05, "potential " + q);
        }
        double[] revenue = cdnowRevenue();
        assertEquals(revenue[0], grid.getDouble("revenue"), 0.005);
        // The next 12 months against what the cohort actually spent in the 39 weeks after the calibration.
        double ratio = grid.getDouble("predictedRevenue") / revenue[1];
        assertTrue(ratio > 1.0 && ratio < 1.45, "12-month forecast / 39-week actual = " + ratio);

        String best = bestCustomer();
        JsonPath profile = api().when().get("/v1/customers/" + best + "?asOf=" + CALIBRATION_END).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(5, profile.getInt("metrics.value.currentQuintile"));
        assertEquals(profile.getDouble("metrics.revenue"), profile.getDouble("metrics.value.current"), 1e-9);
        assertEquals(profile.getDouble("metrics.prediction.expectedOrders365"),
                profile.getDouble("metrics.value.potential.expectedOrders"), 1e-9);
        assertEquals(profile.getDouble("metrics.value.potential.expectedOrders")
                * profile.getDouble("metrics.value.potential.expectedSpendPerOrder"),
                profile.getDouble("metrics.value.potential.expectedRevenue"), 1e-6);
        assertEquals(profile.getInt("metrics.rfm.monetary"), profile.getInt("metrics.value.monetaryScore"));

        // "High current value, falling potential" and "low both", as a scenario would target and skip them.
        assertEquals(customers(cells, (c, p) -> c >= 4 && p <= c - 2), preview("""
                {"all":[{"field":"value.currentQuintile","op":">=","value":4},
                        {"field":"value.quintileShift","op":"<=","value":-2}]}"""));
        assertEquals(customers(cells, (c, p) -> c <= 2 && p <= 2), preview("""
                {"all":[{"field":"value.currentQuintile","op":"<=","value":2},
                        {"field":"value.potentialQuintile","op":"<=","value":2}]}"""));
        assertEquals(preview("{\"field\":\"value.potential\",\"op\":\"exists\"}"), 2357L);
    }

    @Test
    void aCustomerWrittenAfterTheRecomputeIsPlacedAgainstItsCutoffs() throws SQLException {
        cdnowValued(store);
        String low = api().body("""
                {"rule":{"field":"value.currentQuintile","op":"=","value":1},"sample":1}""")
                .when().post("/v1/segments/preview").then().statusCode(200).extract().path("sample[0]");
        assertEquals(1, row(low).currentQuintile());

        clock.set("1997-10-01T12:00:00Z");
        api().body("[" + order("big-" + low, low, "1997-10-01T10:00:00Z", "5000", "cds") + "]")
                .when().post("/v1/orders/batch").then().statusCode(200);
        while (reevaluations.drainBatch() > 0) {
            // every CDNOW customer was due since their orders came in
        }

        Row after = row(low);
        assertEquals(5, after.currentQuintile(), "5,000 more is above the top cutoff of the last computation");
        assertTrue(after.potential() > 0);
        api().when().get("/v1/analytics/value").then().body("asOf", equalTo("1997-09-30")).body("unplaced", equalTo(0));
    }

    @Test
    void beforeTheFirstComputationNoOneIsPlaced() {
        store.clear();
        api().body("{\"email\":\"new@example.com\"}").when().put("/v1/customers/new").then().statusCode(201);

        api().when().get("/v1/analytics/value").then().statusCode(200).body("asOf", nullValue())
                .body("customers", equalTo(1)).body("buyers", equalTo(0)).body("cells", hasSize(25))
                .body("cells.customers.sum()", equalTo(0));
        api().accept("text/html").when().get("/v1/analytics/value.html").then().statusCode(200)
                .body(containsString("No full computation yet"));
        api().when().get("/v1/customers/new").then().statusCode(200).body("metrics.value.current", equalTo(0))
                .body("metrics.value.currentQuintile", nullValue()).body("metrics.value.potential", nullValue());
    }

    private static long customers(List<Map<String, Object>> cells, BiPredicate<Integer, Integer> where) {
        return cells.stream().filter(c -> where.test(((Number) c.get("current")).intValue(),
                ((Number) c.get("potential")).intValue())).mapToLong(c -> ((Number) c.get("customers")).longValue())
                .sum();
    }

    private static long preview(String rule) {
        return api().body("{\"rule\":" + rule + ",\"sample\":1}").when().post("/v1/segments/preview").then()
                .statusCode(200).extract().jsonPath().getLong("count");
    }

    /** Revenue of the sample's orders up to the end of the calibration, and in the 39 weeks after it. */
    private static double[] cdnowRevenue() throws IOException {
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
        List<String> lines = Files.readAllLines(TestStore.CDNOW);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (LocalDate.parse(cells[1]).isAfter(CALIBRATION_END)) {
                after = after.add(new BigDecimal(cells[2]));
            } else {
                before = before.add(new BigDecimal(cells[2]));
            }
        }
        return new double[] { before.doubleValue(), after.doubleValue() };
    }

    private String bestCustomer() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id FROM customer_metrics ORDER BY revenue DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Row(int currentQuintile, double potential) {
    }

    private Row row(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT value_current_quintile, value_potential FROM customer_metrics WHERE customer_id = ?")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), customerId + " has a row");
                return new Row(rs.getInt(1), rs.getDouble(2));
            }
        }
    }
}
