package io.rekindle.segment.privacy;

import static io.rekindle.segment.support.TestStore.api;
import static io.rekindle.segment.support.TestStore.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(io.rekindle.segment.support.PeerStandIn.class)
class ErasureTest {

    @Inject
    DataSource dataSource;

    @Inject
    io.rekindle.platform.outbox.OutboxRelay relay;

    private static final String EMAIL = "grace.hopper.erase@example.net";
    private static final String PHONE = "+15550100777";

    @Test
    void exportHoldsEverythingAndErasureLeavesNoPersonalDataAnywhere() throws SQLException {
        api().body("""
                {"email":"%s","phone":"%s","firstName":"Gracielle","lastName":"Hopperton","timezone":"America/New_York"}
                """.formatted(EMAIL, PHONE)).when().put("/v1/customers/gh-1").then().statusCode(201);
        api().body("[" + order("gh-o1", "gh-1", "2024-01-02T10:00:00Z", "30", "books") + "]")
                .when().post("/v1/orders/batch").then().statusCode(200);
        api().body("""
                [{"eventId":"gh-e1","customerId":"gh-1","type":"survey_answered","occurredAt":"2024-01-03T10:00:00Z",
                  "properties":{"comment":"Gracielle Hopperton wrote: too many emails to %s"}}]
                """.formatted(EMAIL)).when().post("/v1/events/batch").then().statusCode(200);

        api().when().get("/v1/customers/gh-1/export").then().statusCode(200)
                .body("profile.email", equalTo(EMAIL))
                .body("orders", hasSize(1))
                .body("orders[0].orderId", equalTo("gh-o1"))
                .body("events[0].properties.comment", equalTo("Gracielle Hopperton wrote: too many emails to " + EMAIL));

        api().when().delete("/v1/customers/gh-1").then().statusCode(204);
        api().when().delete("/v1/customers/gh-1").then().statusCode(204);
        api().when().get("/v1/customers/gh-1").then().statusCode(404);
        api().when().get("/v1/customers/gh-1/export").then().statusCode(404);

        for (String personal : List.of(EMAIL, PHONE, "Gracielle", "Hopperton")) {
            assertEquals(List.of(), tablesHolding(personal), "still held somewhere: " + personal);
        }
        // The id stays only in the outbox, until the other services have been told to forget it too.
        assertEquals(List.of("outbox.payload"), tablesHolding("gh-1"));
        io.rekindle.segment.support.PeerStandIn.http.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .post("/v1/erasures").willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{}")));
        relay.relay();
        assertEquals(List.of(), tablesHolding("gh-1"));

        // A re-import starts fresh and is recognised.
        api().body("{\"email\":\"" + EMAIL.toUpperCase() + "\"}").when().put("/v1/customers/gh-2").then()
                .statusCode(201).body("previouslyErased", equalTo(true)).body("metrics.orderCount", equalTo(0));
        api().body("{\"email\":\"someone.else@example.net\"}").when().put("/v1/customers/gh-3").then()
                .statusCode(201).body("previouslyErased", equalTo(false));
    }

    /** Every text-like column of every table in the schema, searched for the value. */
    private List<String> tablesHolding(String value) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')""")) {
                while (rs.next()) {
                    columns.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            for (String[] column : columns) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM \"" + column[0] + "\" WHERE \""
                        + column[1] + "\"::text ILIKE ?")) {
                    ps.setString(1, "%" + value + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
