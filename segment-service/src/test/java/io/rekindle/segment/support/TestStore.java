package io.rekindle.segment.support;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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

    /** A placed order JSON row. */
    public static String order(String orderId, String customerId, String placedAt, String total, String category) {
        return """
                {"orderId":"%s","customerId":"%s","placedAt":"%s","currency":"EUR","total":%s,"status":"placed",
                 "items":[{"sku":"sku-%s","category":"%s","quantity":1,"unitPrice":%s}]}
                """.formatted(orderId, customerId, placedAt, total, orderId, category, total);
    }
}
