package io.rekindle.segment.segments;

import static io.rekindle.segment.support.TestStore.api;
import static io.rekindle.segment.support.TestStore.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rekindle.platform.testing.Metrics;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.segment.support.TestStore;

@QuarkusTest
class SegmentsTest {

    @Inject
    TestStore store;

    @Inject
    TestClock clock;

    @BeforeEach
    void shop() {
        store.clear();
        clock.set("2025-06-01T12:00:00Z");
        customer("opener-old", "a@example.com", true, "2024-01-01T00:00:00Z");
        customer("opener-new", "b@example.com", true, "2024-01-01T00:00:00Z");
        customer("yop", "someone@yopmail.com", false, "2024-01-01T00:00:00Z");
        customer("cart-left", "c@example.com", true, "2025-05-01T00:00:00Z");
        customer("cart-bought", "d@example.com", true, "2025-05-01T00:00:00Z");
        api().body("""
                [{"eventId":"e1","customerId":"opener-old","type":"email_opened","occurredAt":"2025-01-01T10:00:00Z"},
                 {"eventId":"e2","customerId":"opener-new","type":"email_opened","occurredAt":"2025-05-20T10:00:00Z"},
                 {"eventId":"e3","customerId":"cart-left","type":"cart_updated","occurredAt":"2025-05-31T10:00:00Z"},
                 {"eventId":"e4","customerId":"cart-bought","type":"cart_updated","occurredAt":"2025-05-31T10:00:00Z"},
                 {"eventId":"e5","customerId":"cart-left","type":"email_opened","occurredAt":"2025-05-30T10:00:00Z"},
                 {"eventId":"e6","customerId":"cart-bought","type":"email_opened","occurredAt":"2025-05-30T10:00:00Z"}]
                """).when().post("/v1/events/batch").then().statusCode(200).body("stored", equalTo(6));
        api().body("[" + order("o1", "cart-bought", "2025-05-31T10:30:00Z", "20", "tea") + ","
                + order("o2", "opener-new", "2025-05-01T09:00:00Z", "20", "tea") + "]")
                .when().post("/v1/orders/batch").then().statusCode(200);
        api().when().post("/v1/analytics/recompute").then().statusCode(200);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static void customer(String id, String email, boolean consent, String createdAt) {
        api().body("{\"email\":\"%s\",\"consents\":{\"email\":%b},\"createdAt\":\"%s\"}".formatted(email, consent,
                createdAt)).when().put("/v1/customers/" + id).then().statusCode(201);
    }

    private static List<String> members(String segment) {
        api().when().post("/v1/segments/" + segment + "/recompute").then().statusCode(200);
        return api().when().get("/v1/segments/" + segment + "/members?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("customerIds", String.class);
    }

    @Test
    void builtInSegmentsHoldExactlyTheExpectedCustomers() {
        api().when().get("/v1/segments").then().statusCode(200).body("findAll { it.builtIn }", hasSize(9));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("opener-old"), members("email-non-openers-3m"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("yop"), members("dirty-addresses"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("cart-left"), members("cart-abandoners"));
        // Subscribers with no order for 14 days, or none at all after 14 days on the list.
        org.junit.jupiter.api.Assertions.assertEquals(List.of("cart-left", "opener-new", "opener-old"),
                members("no-purchase-14d-subscribers"));
    }

    @Test
    void passingTimeMovesCustomersAndTheFeedResumesWithoutLossOrDuplicates() {
        String id = api().body("{\"name\":\"90 days without an order\",\"rule\":{\"all\":[{\"field\":\"daysSinceLastOrder\",\"op\":\">=\",\"value\":90}]}}")
                .when().post("/v1/segments").then().statusCode(201).body("size", equalTo(0)).extract().path("id");

        clock.set("2025-07-29T23:00:00Z");
        api().when().post("/v1/segments/" + id + "/recompute").then().statusCode(200).body("size", equalTo(0));
        clock.set("2025-07-30T00:00:01Z");
        api().when().post("/v1/segments/" + id + "/recompute").then().statusCode(200).body("size", equalTo(1));

        JsonPath first = api().when().get("/v1/segments/" + id + "/changes?limit=1").then().statusCode(200)
                .body("changes", hasSize(1)).body("changes[0].customerId", equalTo("opener-new"))
                .body("changes[0].kind", equalTo("entered"))
                .body("changes[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("traceparent")))
                .extract().jsonPath();
        String cursor = first.getString("next");

        api().body("[" + order("o3", "opener-new", "2025-07-30T00:00:00Z", "20", "tea") + "]")
                .when().post("/v1/orders/batch").then().statusCode(200);
        api().when().post("/v1/analytics/recompute").then().statusCode(200);
        api().when().post("/v1/segments/" + id + "/recompute").then().statusCode(200).body("size", equalTo(0));

        api().when().get("/v1/segments/" + id + "/changes?after=" + cursor).then().statusCode(200)
                .body("changes", hasSize(1)).body("changes[0].kind", equalTo("exited"))
                .body("changes[0].customerId", equalTo("opener-new"));
        String last = api().when().get("/v1/segments/" + id + "/changes?after=" + cursor).then().extract()
                .path("next");
        api().when().get("/v1/segments/" + id + "/changes?after=" + last).then().statusCode(200)
                .body("changes", hasSize(0)).body("next", equalTo(last));
    }

    @Inject
    Reevaluations reevaluations;

    @Test
    void aWriteMovesItsCustomerInAndOutOfEverySegmentItAffects() {
        members("cart-abandoners");
        members("dirty-addresses");
        String start = api().when().get("/v1/segments/cart-abandoners/changes").then().extract().path("next");

        // The order for the abandoned cart, 20 minutes after it: no longer an abandoner.
        api().body("[" + order("o9", "cart-left", "2025-05-31T10:20:00Z", "35", "tea") + "]")
                .when().post("/v1/orders/batch").then().statusCode(200);
        // A corrected address leaves the dirty segment.
        api().body("{\"email\":\"fixed@example.com\"}").when().put("/v1/customers/yop").then().statusCode(200);
        String before = Metrics.scrape();
        long due = reevaluations.backlog();
        reevaluations.drainDue();
        org.junit.jupiter.api.Assertions.assertEquals(due, Metrics.sample(Metrics.scrape(),
                "rekindle_segment_reevaluations_total") - Metrics.sample(before, "rekindle_segment_reevaluations_total"),
                "every customer due (those written to among them) counted once");

        api().when().get("/v1/segments/cart-abandoners/changes?after=" + start).then().statusCode(200)
                .body("changes.customerId", equalTo(List.of("cart-left")))
                .body("changes.kind", equalTo(List.of("exited")));
        api().when().get("/v1/segments/dirty-addresses").then().body("size", equalTo(0));
        api().when().get("/v1/customers/cart-left").then().body("metrics.orderCount", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(0, reevaluations.drainBatch(), "nothing left due");
    }

    /** Sets the clock and drains everything due by then, as the scheduler would; answers how many were due. */
    private int drainAt(String instant) {
        clock.set(instant);
        int drained = 0;
        for (int batch = reevaluations.drainBatch(); batch > 0; batch = reevaluations.drainBatch()) {
            drained += batch;
        }
        return drained;
    }

    private static List<String> currentMembers(String segment) {
        return api().when().get("/v1/segments/" + segment + "/members?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("customerIds", String.class);
    }

    @Test
    void aDayThresholdMovesTheCustomerAtMidnightOfThatDayWithNoEventAndNoRescan() {
        String id = api().body("{\"name\":\"90 days without an order\",\"rule\":{\"field\":\"daysSinceLastOrder\","
                + "\"op\":\">=\",\"value\":90}}").when().post("/v1/segments").then().statusCode(201)
                .body("size", equalTo(0)).extract().path("id");
        drainAt("2025-06-01T12:00:00Z");
        // opener-new ordered on 2025-05-01: day 90 is 2025-07-30, UTC midnight. Nothing else happens meanwhile.
        drainAt("2025-07-29T23:59:59Z");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), currentMembers(id));
        org.junit.jupiter.api.Assertions.assertEquals(0, drainAt("2025-07-29T23:59:59.999Z"), "nothing due early");

        int due = drainAt("2025-07-30T00:00:00Z");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("opener-new"), currentMembers(id));
        org.junit.jupiter.api.Assertions.assertTrue(due >= 1 && due < 5,
                "only customers with a boundary at that moment are re-evaluated, not all five: " + due);
        api().when().get("/v1/segments/" + id + "/changes").then()
                .body("changes.customerId", equalTo(List.of("opener-new")))
                .body("changes.kind", equalTo(List.of("entered")))
                .body("changes[0].at", equalTo("2025-07-30T00:00:00Z"));
    }

    @Test
    void aCartEntersAbandonmentWhenItsHourPassesAndLeavesWithTheLookback() {
        drainAt("2025-06-01T12:00:00Z");
        api().body("""
                [{"eventId":"cart-2","customerId":"opener-old","type":"cart_updated","occurredAt":"2025-06-01T12:00:00Z"}]
                """).when().post("/v1/events/batch").then().statusCode(200);
        drainAt("2025-06-01T12:00:00Z");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("cart-left"), currentMembers("cart-abandoners"));

        org.junit.jupiter.api.Assertions.assertEquals(0, drainAt("2025-06-01T12:59:59Z"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("cart-left"), currentMembers("cart-abandoners"));
        drainAt("2025-06-01T13:00:00Z");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("cart-left", "opener-old"),
                currentMembers("cart-abandoners"));

        // The seven-day lookback: cart-left's cart (2025-05-31T10:00) leaves first, then opener-old's.
        drainAt("2025-06-07T10:00:00Z");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("opener-old"), currentMembers("cart-abandoners"));
        drainAt("2025-06-08T12:00:00Z");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), currentMembers("cart-abandoners"));
    }

    @Test
    void aCartAlreadyFollowedByItsOrderSchedulesNoVisitWhenItsHourPasses() {
        drainAt("2025-06-01T12:00:00Z");
        customer("quick-buyer", "q@example.com", true, "2025-05-01T00:00:00Z");
        api().body("""
                [{"eventId":"cart-q","customerId":"quick-buyer","type":"cart_updated","occurredAt":"2025-06-01T11:50:00Z"}]
                """).when().post("/v1/events/batch").then().statusCode(200);
        api().body("[" + order("oq", "quick-buyer", "2025-06-01T11:55:00Z", "20", "tea") + "]")
                .when().post("/v1/orders/batch").then().statusCode(200);
        drainAt("2025-06-01T12:00:00Z");

        // Neither the cart's hour (12:50) nor its leaving the lookback can change anything: nobody is due.
        org.junit.jupiter.api.Assertions.assertEquals(0, drainAt("2025-06-01T13:00:00Z"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("cart-left"), currentMembers("cart-abandoners"));
    }

    @Test
    void theAudienceExportListsHashedIdentifiersInTheAdPlatformsFormat() {
        members("email-non-openers-3m");
        String csv = api().when().get("/v1/segments/email-non-openers-3m/audience.csv?format=meta").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        // sha256("a@example.com"); opener-old has no phone.
        org.junit.jupiter.api.Assertions.assertEquals(
                "email,phone\n08168cd80dfd534ab0f10af10f1303fe00af2d43ab5c1432360d137f8197e17a,\n", csv);
        api().when().get("/v1/segments/email-non-openers-3m/audience.csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("Email,Phone\n"));
        api().when().get("/v1/segments/email-non-openers-3m/audience.csv?format=tiktok").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        api().when().get("/v1/segments/nope/audience.csv").then().statusCode(404);
    }

    @Test
    void previewCountsAndSamplesWithoutSaving() {
        int before = api().when().get("/v1/segments").then().extract().jsonPath().getList("id").size();
        api().body("{\"rule\":{\"field\":\"consent.email\",\"op\":\"=\",\"value\":true},\"sample\":2}")
                .when().post("/v1/segments/preview").then().statusCode(200)
                .body("count", equalTo(4)).body("sample", equalTo(List.of("cart-bought", "cart-left")));
        api().body("{\"rule\":{\"not\":{\"field\":\"consent.email\",\"op\":\"=\",\"value\":true}}}")
                .when().post("/v1/segments/preview").then().statusCode(200).body("count", equalTo(1));
        api().body("{\"rule\":{\"event\":\"email_opened\",\"count\":1,\"within\":\"P7D\"}}")
                .when().post("/v1/segments/preview").then().statusCode(200).body("count", equalTo(2));
        api().when().get("/v1/segments").then().body("id", hasSize(before));
    }

    @Test
    void invalidRulesPointAtTheOffendingNode() {
        expectInvalid("{\"all\":[{\"field\":\"noSuchField\",\"op\":\">=\",\"value\":90}]}", "rule/all/0/field", "unknown field");
        expectInvalid("{\"field\":\"hygiene.status\",\"op\":\">=\",\"value\":\"valid\"}", "rule/op", "must be one of");
        expectInvalid("{\"field\":\"hygiene.status\",\"op\":\"=\",\"value\":\"shiny\"}", "rule/value", "must be one of");
        expectInvalid("{\"all\":[]}", "rule/all", "non-empty");
        expectInvalid("{\"any\":[{\"field\":\"orderCount\",\"op\":\">\",\"value\":\"many\"}]}", "rule/any/0/value", "number");
        expectInvalid("{\"event\":\"cart_updated\",\"within\":\"soon\"}", "rule/within", "duration");
        expectInvalid("{\"field\":\"orderCount\",\"op\":\">\",\"value\":1,\"extra\":true}", "rule/extra", "not allowed");
        api().body("{\"name\":\"broken\",\"rule\":{\"all\":[]}}").when().post("/v1/segments").then().statusCode(400)
                .contentType("application/problem+json");
        api().when().get("/v1/segments").then().body("name", org.hamcrest.Matchers.not(hasItem("broken")));
    }

    private static void expectInvalid(String rule, String field, String message) {
        api().body("{\"rule\":" + rule + "}").when().post("/v1/segments/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void putCreatesASegmentUnderItsOwnIdThenEditsIt() {
        String rule = "{\"name\":\"Named\",\"rule\":{\"field\":\"daysSinceLastOrder\",\"op\":\">=\",\"value\":%d}}";
        api().body(rule.formatted(30)).when().put("/v1/segments/named-by-caller").then().statusCode(201)
                .body("id", equalTo("named-by-caller")).body("builtIn", equalTo(false));
        api().body(rule.formatted(60)).when().put("/v1/segments/named-by-caller").then().statusCode(200)
                .body("rule.value", equalTo(60));
        api().body(rule.formatted(60)).when().put("/v1/segments/bad id").then().statusCode(400);
    }

    @Test
    void oneCustomersMembershipCanBeAsked() {
        api().body("{\"email\":\"vip@example.com\",\"attributes\":{\"vip\":true}}").when().put("/v1/customers/vip-1")
                .then().statusCode(201);
        api().body("{\"name\":\"VIP\",\"rule\":{\"field\":\"attributes.vip\",\"op\":\"=\",\"value\":true}}")
                .when().put("/v1/segments/vips").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        api().when().get("/v1/segments/vips/members/vip-1").then().statusCode(200).body("customerId", equalTo("vip-1"));
        api().when().get("/v1/segments/vips/members/someone-else").then().statusCode(404)
                .contentType("application/problem+json");
        api().when().get("/v1/segments/no-such/members/vip-1").then().statusCode(404);
    }
}
