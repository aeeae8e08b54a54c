package io.rekindle.segment.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.recommendation.Bestsellers;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/** Empties the store between tests that need exact store-wide figures, and talks to the API with the test key. */
@ApplicationScoped
public class TestStore {

    /** Decimal numbers in responses read as doubles, so closeTo works on them. */
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    private final DataSource dataSource;
    private final Bestsellers bestsellers;

    TestStore(DataSource dataSource, Bestsellers bestsellers) {
        this.dataSource = dataSource;
        this.bestsellers = bestsellers;
    }

    public void clear() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE customer, orders, event, product, customer_rfm, bgnbd_model, gamma_gamma_model, "
                    + "store_stats, customer_metrics, erasure, segment_member, segment_change, customer_reevaluation, "
                    + "subscription");
            // Built-in segments stay (they are installed at start-up), emptied.
            s.execute("DELETE FROM segment WHERE NOT built_in");
            s.execute("UPDATE segment SET size = 0, computed_at = NULL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        bestsellers.forget();
    }

    public static RequestSpecification api() {
        return given().config(DOUBLES).header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    /** The CDNOW sample (Fader and Hardie's 2,357 customers and 6,919 orders), through the API. */
    public static final Path CDNOW = Path.of("src/test/resources/reference/cdnow_transactions.csv");

    /**
     * Stores the CDNOW sample's orders; with {@code profiles}, a profile for each of its customers first, so they are
     * in the segment base and its grids.
     */
    public static void cdnow(boolean profiles) {
        List<String> lines;
        try {
            lines = Files.readAllLines(CDNOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> orders = new ArrayList<>();
        Set<String> customers = new LinkedHashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            customers.add(cells[0]);
            orders.add("""
                    {"orderId":"cdnow-%d","customerId":"cdnow-%s","placedAt":"%sT12:00:00Z","currency":"USD",                    "total":%s,"status":"placed"}""".formatted(i, cells[0], cells[1], cells[2]));
        }
        if (profiles) {
            api().body("[" + String.join(",", customers.stream()
                    .map(id -> "{\"customerId\":\"cdnow-" + id + "\",\"email\":\"cdnow-" + id + "@example.com\"}")
                    .toList()) + "]").when().post("/v1/customers/batch").then().statusCode(200)
                    .body("stored", org.hamcrest.Matchers.equalTo(2357));
        }
        api().body("[" + String.join(",", orders) + "]").when().post("/v1/orders/batch").then().statusCode(200)
                .body("stored", org.hamcrest.Matchers.equalTo(6919));
    }

    /** A placed order JSON row. */
    public static String order(String orderId, String customerId, String placedAt, String total, String category) {
        return """
                {"orderId":"%s","customerId":"%s","placedAt":"%s","currency":"EUR","total":%s,"status":"placed",
                 "items":[{"sku":"sku-%s","category":"%s","quantity":1,"unitPrice":%s}]}
                """.formatted(orderId, customerId, placedAt, total, orderId, category, total);
    }
}
