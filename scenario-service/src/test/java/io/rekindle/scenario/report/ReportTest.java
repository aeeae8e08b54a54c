package io.rekindle.scenario.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.Browser;
import io.rekindle.scenario.support.PeerStandIn;
import io.restassured.http.ContentType;

/** The report over a fixed dataset written straight into the tables; figures as in {@link LiftTest}. */
@QuarkusTest
@QuarkusTestResource(PeerStandIn.class)
class ReportTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void reportsGroupsLiftAndStepsOfAFixedDataset() throws SQLException {
        PeerStandIn.reset();
        String id = given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"report","trigger":{"type":"event","events":["report_test"]},"attributionDays":30,
                 "holdoutPercent":20,"steps":[{"id":"mail","type":"send","channel":"email","template":"t"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201).extract().path("id");
        Instant entered = Instant.now().minus(Duration.ofDays(40));
        try (Connection c = dataSource.getConnection()) {
            insert(c, id, false, 1_000, 60, entered);
            insert(c, id, true, 250, 10, entered);
            // Entered 3 days ago: not measured yet, converted or not (counting early converters alone would
            // inflate the rate before the window closes)
            insert(c, id, false, 7, 2, Instant.now().minus(Duration.ofDays(3)));
            // a conversion after the 30-day window does not count
            try (PreparedStatement ps = c.prepareStatement("UPDATE enrollment SET converted_at = entered_at + "
                    + "interval '31 days', revenue = 50 WHERE enrollment_id = ?")) {
                ps.setString(1, id + "-false-" + entered.getEpochSecond() + "-999");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO journal (enrollment_id, scenario_id, step_id, variant, holdout, kind, at)
                    SELECT enrollment_id, scenario_id, 'mail', NULL, holdout,
                           CASE WHEN holdout THEN 'held_out' ELSE 'sent' END, entered_at
                    FROM enrollment WHERE scenario_id = ?""")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            // Ten treatment enrollments held back by the frequency cap, each woken to look again twice more:
            // ten enrollments capped, not thirty attempts.
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO journal (enrollment_id, scenario_id, step_id, variant, holdout, kind, at)
                    SELECT enrollment_id, scenario_id, 'mail', NULL, holdout, 'capped', entered_at
                    FROM (SELECT * FROM enrollment WHERE scenario_id = ? AND NOT holdout ORDER BY enrollment_id
                          LIMIT 10) e, generate_series(1, 3)""")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            // Ten treatment buyers used a 5 EUR discount within the window.
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO signal (signal_id, customer_id, type, occurred_at, attribution, properties, received_at)
                    SELECT 'discount-' || ? || g, ? || g, 'purchased', ?::timestamptz + interval '2 days', '{}', '{"discount":"5"}',
                           now()
                    FROM generate_series(1, 10) g""")) {
                ps.setString(1, entered.getEpochSecond() + "-");
                ps.setString(2, "t" + entered.getEpochSecond() + "-");
                ps.setTimestamp(3, Timestamp.from(entered));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO signal (signal_id, customer_id, type, occurred_at, attribution, received_at)
                    SELECT 'r' || g || t, 'c' || g, t, now(), jsonb_build_object('scenario', ?::text, 'step', 'mail'), now()
                    FROM generate_series(1, 300) g, unnest(ARRAY['opened', 'opened']) WITH ORDINALITY u(t, n)
                    ON CONFLICT DO NOTHING""")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            // Pre-entry revenue 100 (2 orders) for the odd-numbered buyers in the window and one in ten of the others.
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE enrollment SET pre_entry_orders = CASE WHEN pre THEN 2 ELSE 0 END,
                                          pre_entry_revenue = CASE WHEN pre THEN 100 ELSE 0 END
                    FROM (SELECT enrollment_id AS id, CASE WHEN converted_at <= entered_at + interval '30 days'
                              THEN g % 2 = 1 ELSE g % 10 = 0 END AS pre
                          FROM (SELECT *, substring(enrollment_id FROM '-([0-9]+)$')::int AS g FROM enrollment
                                WHERE scenario_id = ?) numbered) p
                    WHERE enrollment_id = p.id""")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
        admin().when().get("/v1/scenarios/" + id + "/report?mde=0.02")
                .then().statusCode(200)
                .body("entered", equalTo(1_257)).body("pending", equalTo(7)).body("pendingTreatment", equalTo(7))
                .body("pendingHoldout", equalTo(0))
                .body("treatment.customers", equalTo(1_000)).body("treatment.converted", equalTo(60))
                .body("holdout.customers", equalTo(250)).body("holdout.converted", equalTo(10))
                .body("lift.conversion.difference", closeTo(0.02, 1e-9))
                .body("lift.conversion.low", closeTo(-0.0146277276, 1e-9))
                .body("lift.conversion.pValue", closeTo(0.2215249532, 1e-6))
                .body("lift.relative", closeTo(0.5, 1e-9))
                // Small groups: revenue by bootstrap, its interval near Welch's (-0.42, 2.42) on these data.
                .body("lift.revenuePerCustomer.difference", closeTo(1.0, 1e-9))
                .body("lift.revenuePerCustomer.method", org.hamcrest.Matchers.startsWith("percentile bootstrap"))
                .body("lift.revenuePerCustomer.low", closeTo(-0.42, 0.2))
                .body("lift.revenuePerCustomer.high", closeTo(2.42, 0.2))
                .body("lift.conversionSequential.verdict", equalTo("keep running"))
                .body("lift.neededHoldout", equalTo(1_214))
                // CUPED, by hand (Python): theta = cov(x, y) / var(x) over both groups, y - theta (x - mean x).
                .body("lift.adjusted.preEntryDays", equalTo(180)).body("lift.adjusted.withoutPreEntry", equalTo(0))
                .body("lift.adjusted.revenuePerCustomer.theta", closeTo(0.0984264870, 1e-9))
                .body("lift.adjusted.revenuePerCustomer.correlation", closeTo(0.2806086057, 1e-9))
                .body("lift.adjusted.revenuePerCustomer.estimate.difference", closeTo(0.9212588104, 1e-9))
                .body("lift.adjusted.revenuePerCustomer.varianceReduction", closeTo(0.0617316938, 1e-9))
                .body("lift.adjusted.conversion.estimate.difference", closeTo(0.0184251762, 1e-9))
                .body("lift.adjusted.conversion.varianceReduction", closeTo(0.0617316938, 1e-9)).body("variants", org.hamcrest.Matchers.empty())
                // Margin: 3.00 - 0.05 discount - 0.001 per email against 2.00 per customer.
                .body("margin.perCustomer.difference", closeTo(0.949, 1e-9))
                .body("margin.discountPerCustomer", closeTo(0.05, 1e-9))
                .body("margin.sendingCostPerCustomer", closeTo(0.001, 1e-9))
                .body("margin.headline", org.hamcrest.Matchers.startsWith(
                        "not clear yet whether it earned money: +0.95 per customer (95% interval"))
                .body("steps[0].step", equalTo("mail")).body("steps[0].engine.sent", equalTo(1_007))
                .body("steps[0].engine.held_out", equalTo(250)).body("steps[0].engine.capped", equalTo(10))
                .body("steps[0].customers.opened", equalTo(300));
        given().header("Authorization", "Bearer rekindle-dev-key").when()
                .get("/v1/scenarios/" + id + "/report.html").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"))
                .body(org.hamcrest.Matchers.containsString("Conversion +2.00 points (95% interval -1.46 to +4.45, p = 0.222, "
                        + "fixed horizon); read as it fills: keep running."))
                .body(org.hamcrest.Matchers.containsString("Adjusted for the 180 days before entry (CUPED): conversion "
                        + "+1.84 points"))
                .body(org.hamcrest.Matchers.containsString("<svg")).body(org.hamcrest.Matchers.containsString("sent 1007"));
        given().header("Authorization", "Bearer rekindle-dev-key").when().get("/v1/scenarios/" + id + "/report?mde=lots")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * Two variants and a holdout, three comparisons, each interval at 1 - 0.05 / 3 (Newcombe's, as computed by hand):
     * B's 11% against the holdout's 5% would clear zero at 95% alone, but not at 98.3% (-0.0003 to +0.1103); B against
     * A does (A - B: -0.1076 to -0.0140).
     */
    @Test
    void variantsAreComparedWithTheHoldoutAndEachOtherCorrectedForHowManyComparisons() throws SQLException {
        String id = given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON).body("""
                {"name":"variants","trigger":{"type":"event","events":["variants_test"]},"attributionDays":30,
                 "holdoutPercent":20,
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"t"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201).extract().path("id");
        Instant entered = Instant.now().minus(Duration.ofDays(40));
        try (Connection c = dataSource.getConnection()) {
            insert(c, id, false, 400, 20, entered, "A");
            insert(c, id, false, 400, 44, entered, "B");
            insert(c, id, true, 200, 10, entered, null);
        }
        admin().when().get("/v1/scenarios/" + id + "/report")
                .then().statusCode(200).body("variants.size()", equalTo(3))
                .body("variants[1].first", equalTo("B")).body("variants[1].second", equalTo("holdout"))
                .body("variants[1].conversion.confidence", closeTo(1 - 0.05 / 3, 1e-9))
                .body("variants[1].conversion.low", closeTo(-0.0002623956, 1e-9))
                .body("variants[1].conversion.high", closeTo(0.1103055306, 1e-9))
                .body("variants[2].first", equalTo("A")).body("variants[2].second", equalTo("B"))
                .body("variants[2].conversion.low", closeTo(-0.1076494530, 1e-9))
                .body("variants[2].conversion.high", closeTo(-0.0139540986, 1e-9))
                .body("variants[2].conversion.pValue", org.hamcrest.Matchers.lessThan(0.05 / 3));
        try (Browser browser = Browser.open(1200, 1400).sendingHeader("Authorization", "Bearer rekindle-dev-key")) {
            browser.driver().get(base + "v1/scenarios/" + id + "/report.html");
            browser.screenshot("scenario-report.png");
            assertTrue(browser.driver().findElement(By.tagName("body")).getText().contains("A against B 400 / 400 "
                    + "-6.00 points (-10.76 to -1.40)"), "the variants' table in words");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe-core on the report page");
        }
    }

    /**
     * A scenario that erases its customers at its last step (here 10 days after entry) hides their later purchases; the
     * holdout is never erased. Measured over the whole 30-day window the holdout would win by its late buyers (20 of
     * 100 against 10 of 100); measured, as the report does, up to the scenario's first erasure for both groups, the two
     * groups are level (10 against 10), and the holdout customer erased at the shop's request on day 5 is counted as
     * having left early.
     */
    @Test
    void aScenarioThatErasesIsMeasuredUpToItsFirstErasureForBothGroups() throws SQLException {
        String id = admin().contentType(ContentType.JSON).body("""
                {"name":"erasing","trigger":{"type":"event","events":["erasing_test"]},"attributionDays":30,
                 "holdoutPercent":50,"steps":[{"id":"goodbye","type":"send","channel":"email","template":"t"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201).extract().path("id");
        Instant entered = Instant.now().minus(Duration.ofDays(40));
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            insert(c, id, false, 100, 10, entered);
            insert(c, id, true, 100, 20, entered);
            String treatment = "scenario_id = '" + id + "' AND NOT holdout";
            String holdout = "scenario_id = '" + id + "' AND holdout";
            // Half the holdout's buyers bought on day 20, after the treatment's erasure.
            st.executeUpdate("UPDATE enrollment SET converted_at = entered_at + interval '20 days' WHERE " + holdout
                    + " AND converted_at IS NOT NULL AND enrollment_id IN (SELECT enrollment_id FROM enrollment WHERE "
                    + holdout + " AND converted_at IS NOT NULL ORDER BY enrollment_id LIMIT 10)");
            // The treatment's non-buyers erased by the scenario: the first on day 10, the others later.
            st.executeUpdate("UPDATE enrollment SET outcome = 'erased', ended_at = entered_at + interval '10 days' "
                    + "+ (random() * interval '2 days') WHERE " + treatment + " AND converted_at IS NULL");
            st.executeUpdate("UPDATE enrollment SET ended_at = entered_at + interval '10 days' WHERE enrollment_id = "
                    + "(SELECT min(enrollment_id) FROM enrollment WHERE " + treatment + " AND outcome = 'erased')");
            st.executeUpdate("INSERT INTO journal (enrollment_id, scenario_id, step_id, variant, holdout, kind, at) "
                    + "SELECT enrollment_id, scenario_id, 'goodbye', NULL, false, 'erased', ended_at FROM enrollment "
                    + "WHERE " + treatment + " AND outcome = 'erased'");
            // One holdout customer erased at the shop's request on day 5.
            st.executeUpdate("UPDATE enrollment SET outcome = 'erased', ended_at = entered_at + interval '5 days' "
                    + "WHERE enrollment_id = (SELECT max(enrollment_id) FROM enrollment WHERE " + holdout + ")");
        }
        admin().when().get("/v1/scenarios/" + id + "/report").then().statusCode(200)
                .body("measurement.windowDays", closeTo(10.0, 1e-6))
                .body("measurement.cappedBy", org.hamcrest.Matchers.startsWith("the scenario's first erasure, 10.0 days "
                        + "after entry (step goodbye)"))
                .body("measurement.leftEarlyTreatment", equalTo(0)).body("measurement.leftEarlyHoldout", equalTo(1))
                .body("treatment.converted", equalTo(10)).body("holdout.converted", equalTo(10))
                .body("lift.conversion.difference", closeTo(0.0, 1e-9));
    }

    /**
     * Forty customers in the program and forty held out, all joined 20 days ago: ten in the program bought for 60 with
     * a 5 discount, each in the program was sent two emails (0.001 each), five held out bought for 60. Per customer
     * 15 against 7.5; margin (600 - 50) / 40 - 0.002 = 13.748 against 7.5.
     */
    @Test
    void theWholeProgramIsMeasuredAgainstTheProgramWideHoldout() throws SQLException {
        String id = admin().contentType(ContentType.JSON).body("""
                {"name":"program","trigger":{"type":"event","events":["program_test"]},
                 "steps":[{"id":"mail","type":"send","channel":"email","template":"t"}]}""")
                .when().post("/v1/scenarios").then().statusCode(201).extract().path("id");
        Instant joined = Instant.now().minus(Duration.ofDays(20));
        String heldOut = "po-" + joined.getEpochSecond() + "-";
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM program_member");
            insert(c, id, false, 40, 0, joined);
            String at = "'" + joined + "'::timestamptz";
            st.executeUpdate("INSERT INTO program_member SELECT customer_id, false, " + at
                    + " FROM enrollment WHERE scenario_id = '" + id + "'");
            st.executeUpdate("INSERT INTO program_member SELECT '" + heldOut + "' || g, true, " + at
                    + " FROM generate_series(1, 40) g");
            st.executeUpdate("INSERT INTO journal (enrollment_id, scenario_id, step_id, holdout, kind, at) SELECT "
                    + "enrollment_id, scenario_id, 'mail', false, 'sent', " + at + " + interval '1 day' FROM enrollment, "
                    + "generate_series(1, 2) WHERE scenario_id = '" + id + "'");
            st.executeUpdate("INSERT INTO signal (signal_id, customer_id, type, occurred_at, properties, received_at) "
                    + "SELECT 'pi-' || customer_id, customer_id, 'purchased', " + at + " + interval '3 days', "
                    + "'{\"total\":\"60.00\",\"discount\":\"5.00\"}', now() FROM enrollment WHERE scenario_id = '"
                    + id + "' ORDER BY customer_id LIMIT 10");
            st.executeUpdate("INSERT INTO signal (signal_id, customer_id, type, occurred_at, properties, received_at) "
                    + "SELECT 'po-' || g || '" + heldOut + "', '" + heldOut + "' || g, 'purchased', " + at
                    + " + interval '3 days', '{\"total\":\"60.00\"}', now() FROM generate_series(1, 5) g");
        }
        io.restassured.path.json.JsonPath report = admin().when().get("/v1/reports/program").then().statusCode(200)
                .body("inProgram", equalTo(40)).body("heldOut", equalTo(40))
                .body("overall.revenuePerCustomerInProgram", closeTo(15.0, 1e-9))
                .body("overall.revenuePerCustomerHeldOut", closeTo(7.5, 1e-9))
                .body("overall.revenuePerCustomer.difference", closeTo(7.5, 1e-9))
                .body("overall.marginPerCustomer.difference", closeTo(6.248, 1e-9))
                .body("overall.incrementalRevenue", closeTo(300.0, 1e-9))
                .body("overall.incrementalMargin", closeTo(249.92, 1e-9))
                .body("headline", org.hamcrest.Matchers.startsWith("not clear yet whether the program earned money: "
                        + "+6.25 margin per customer (95% interval"))
                .extract().jsonPath();
        List<java.util.Map<String, Object>> weeks = report.getList("weeks");
        assertTrue(weeks.size() >= 3 && weeks.size() <= 4, "weeks since joining: " + weeks.size());
        double revenueIn = 0;
        double revenueOut = 0;
        for (java.util.Map<String, Object> week : weeks) {
            assertEquals(40.0, ((Number) week.get("inProgram")).doubleValue(), "every week counts all who joined");
            revenueIn += ((Number) week.get("revenuePerCustomerInProgram")).doubleValue() * 40;
            revenueOut += ((Number) week.get("revenuePerCustomerHeldOut")).doubleValue() * 40;
        }
        assertEquals(600, revenueIn, 1e-6);
        assertEquals(300, revenueOut, 1e-6);
        admin().when().get("/v1/reports/program?weeks=0").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The admin key, numbers read as doubles. */
    private static io.restassured.specification.RequestSpecification admin() {
        return given().config(io.restassured.RestAssured.config().jsonConfig(io.restassured.config.JsonConfig
                .jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE)))
                .header("Authorization", "Bearer rekindle-dev-key");
    }

    private static void insert(Connection c, String scenarioId, boolean holdout, int n, int converted, Instant entered)
            throws SQLException {
        insert(c, scenarioId, holdout, n, converted, entered, null);
    }

    /** {@code n} enrollments of one group, the first {@code converted} of them converted for 50 within the window. */
    private static void insert(Connection c, String scenarioId, boolean holdout, int n, int converted, Instant entered,
            String variant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO enrollment (enrollment_id, scenario_id, version, customer_id, holdout, state, outcome,
                    entered_at, ended_at, converted_at, revenue, variant)
                SELECT ? || '-' || ? || '-' || g, ?, 1, ? || g, ?, 'ended', 'finished', ?, ?,
                       CASE WHEN g <= ? THEN ?::timestamptz + interval '2 days' END, CASE WHEN g <= ? THEN 50 END, ?
                FROM generate_series(1, ?) g""")) {
            int i = 1;
            ps.setString(i++, scenarioId);
            ps.setString(i++, holdout + "-" + entered.getEpochSecond() + (variant == null ? "" : "-" + variant));
            ps.setString(i++, scenarioId);
            ps.setString(i++, (holdout ? "h" : "t") + entered.getEpochSecond() + "-" + (variant == null ? "" : variant));
            ps.setBoolean(i++, holdout);
            ps.setTimestamp(i++, Timestamp.from(entered));
            ps.setTimestamp(i++, Timestamp.from(entered.plus(Duration.ofDays(5))));
            ps.setInt(i++, converted);
            ps.setTimestamp(i++, Timestamp.from(entered));
            ps.setInt(i++, converted);
            ps.setString(i++, variant);
            ps.setInt(i, n);
            ps.executeUpdate();
        }
    }
}
