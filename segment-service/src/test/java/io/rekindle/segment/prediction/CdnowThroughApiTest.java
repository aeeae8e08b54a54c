package io.rekindle.segment.prediction;

import static io.rekindle.segment.support.TestStore.api;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;


import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rekindle.segment.support.TestStore;

/** The paper's CDNOW sample through the order API; the published estimates are in weeks, the service works in days. */
@QuarkusTest
class CdnowThroughApiTest {

    @Inject
    TestStore store;

    @Test
    void fitMatchesThePublishedEstimates() {
        store.clear();
        TestStore.cdnow(false);

        JsonPath fit = api().when().post("/v1/models/bgnbd/fit?asOf=1997-09-30").then().statusCode(200)
                .body("asOf", equalTo("1997-09-30"))
                .body("customers", equalTo(2357))
                .body("r", closeTo(0.243, 0.0005))
                .body("a", closeTo(0.793, 0.0005))
                .body("b", closeTo(2.426, 0.0005))
                .extract().jsonPath();
        assertEquals(4.414, fit.getDouble("alpha") / 7, 0.0005);
        // In days each repeat purchase's density is 7 times smaller: LL(days) = LL(weeks) - sum(x) ln 7, sum(x) = 2457.
        assertEquals(-9582.4, fit.getDouble("logLikelihood") + 2457 * Math.log(7), 0.05);

        // The paper's worked example is customer x = 2, tx = 30.43, T = 38.86 weeks; here: a customer with three
        // purchase days, predictions come from the same model in days.
        api().when().get("/v1/models/bgnbd").then().statusCode(200).body("customers", equalTo(2357));

        // The Gamma-Gamma note's fit on the 946 repeat buyers: p = 6.25, q = 3.74, gamma = 15.44 (within 1%).
        api().when().post("/v1/models/gamma-gamma/fit?asOf=1997-09-30").then().statusCode(200)
                .body("customers", equalTo(946))
                .body("p", closeTo(6.25, 0.0625)).body("q", closeTo(3.74, 0.0374))
                .body("gamma", closeTo(15.44, 0.1544)).body("populationMeanSpend", closeTo(35.2, 0.7));
        api().when().get("/v1/models/gamma-gamma").then().statusCode(200).body("asOf", equalTo("1997-09-30"));
    }

    @Test
    void noSpendModelBeforeAnyRepeatPurchase() {
        store.clear();
        api().when().get("/v1/models/gamma-gamma").then().statusCode(404).contentType("application/problem+json");
        api().when().post("/v1/models/gamma-gamma/fit").then().statusCode(409)
                .contentType("application/problem+json");
    }
}
