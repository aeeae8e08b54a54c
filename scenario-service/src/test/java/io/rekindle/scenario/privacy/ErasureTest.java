package io.rekindle.scenario.privacy;

import static io.rekindle.scenario.support.Journeys.enrollment;
import static io.rekindle.scenario.support.Journeys.profile;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.scenario.engine.Engine;
import io.rekindle.scenario.support.Journeys;
import io.rekindle.scenario.support.PeerStandIn;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class ErasureTest {

    @Inject
    Engine engine;

    @Inject
    javax.sql.DataSource dataSource;

    private String query(String sql) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void update(String sql) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static void cartUpdated(String eventId, String customerId) {
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"eventId":"%s","customerId":"%s","type":"erasure_test"}"""
                .formatted(eventId, customerId)).when().post("/v1/triggers").then().statusCode(202);
    }

    @Test
    void anErasedCustomersJourneyEndsTheCountsStayPseudonymousAndARegistrationStartsFresh() throws Exception {
        Journeys.install("cart-abandonment");
        // Without entry rules a customer never enters twice: only forgetting them lets them start again.
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"once only","trigger":{"type":"event","events":["erasure_test"]},
                 "steps":[{"id":"pause","type":"wait","duration":"P30D"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201);
        String scenario = given().header("Authorization", "Bearer rekindle-dev-key").when().get("/v1/scenarios")
                .then().extract().path("find { it.definition.name == 'once only' }.id");
        profile("gone-1", null, 0);
        cartUpdated("erase-1", "gone-1");
        engine.runDue();
        assertEquals("active", enrollment(scenario, "gone-1").getString("[0].state"));

        update("INSERT INTO signal (signal_id, customer_id, type, occurred_at, properties, received_at) VALUES "
                + "('order:gone-o1', 'gone-1', 'purchased', now(), '{\"orderId\":\"gone-o1\",\"total\":\"42.00\","
                + "\"cartId\":\"c1\"}', now()), ('open:gone', 'gone-1', 'opened', now(), '{}', now())");
        update("INSERT INTO program_member VALUES ('gone-1', false, now())");
        given().header("Authorization", "Bearer rekindle-dev-key").when().delete("/v1/customers/gone-1").then()
                .statusCode(204);
        assertEquals("0", query("SELECT count(*) FROM signal WHERE customer_id = 'gone-1'"));
        assertEquals("{\"total\": \"42.00\"}", query("SELECT properties::text FROM signal WHERE type = 'purchased' "
                + "AND customer_id LIKE 'erased:%' AND properties ->> 'total' = '42.00'"),
                "the purchase's amount stays for the program's figures, nothing else");
        assertEquals("1", query("SELECT count(*) FROM program_member WHERE customer_id = (SELECT customer_id FROM "
                + "signal WHERE properties ->> 'total' = '42.00' AND customer_id LIKE 'erased:%')"),
                "the program membership under the same pseudonym");
        assertEquals("0", query("SELECT count(*) FROM program_member WHERE customer_id = 'gone-1'"));
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON)
                .body("[{\"customerId\":\"gone-1\"}]").when().post("/v1/erasures").then().statusCode(200);
        given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON)
                .body("[{\"erasedAt\":\"2026-01-01T00:00:00Z\"}]").when().post("/v1/erasures").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().delete("/v1/customers/gone-1").then().statusCode(401);

        assertEquals(List.of(), enrollment(scenario, "gone-1").getList("$"));
        List<String> outcomes = given().header("Authorization", "Bearer rekindle-dev-key").when()
                .get("/v1/scenarios/" + scenario + "/enrollments?limit=1000").then().extract().path("findAll { it.customerId.startsWith('erased:') }.outcome");
        assertTrue(outcomes.contains("erased"), outcomes.toString());

        cartUpdated("erase-1b", "gone-1");
        assertEquals("active", enrollment(scenario, "gone-1").getString("[0].state"),
                "the same id registering again starts fresh");
    }
}
