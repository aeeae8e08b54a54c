package io.rekindle.segment.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected values are the paper's formulas evaluated by hand (Python's math.lgamma and a plain 2F1 series) with the
 * published CDNOW estimates, time in weeks; the 39-week conditional expectation is the paper's own 1.226.
 */
class BgNbdModelTest {

    private static final BgNbdModel CDNOW = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));

    @Test
    void conditionalExpectationMatchesThePapersWorkedExample() {
        double expected = CDNOW.expectedPurchases(new PurchaseHistory(2, 30.43, 38.86), 39);
        assertEquals(1.226, expected, 0.0005);
        assertEquals(1.226028174767135, expected, 1e-9);
    }

    @Test
    void conditionalExpectationForOtherHistories() {
        assertEquals(0.19509805201125396, CDNOW.expectedPurchases(new PurchaseHistory(0, 0, 38.86), 39), 1e-9);
        assertEquals(5.520567507999408, CDNOW.expectedPurchases(new PurchaseHistory(7, 35, 38.86), 52), 1e-9);
        assertEquals(0, CDNOW.expectedPurchases(new PurchaseHistory(7, 35, 38.86), 0));
    }

    @Test
    void probabilityAlive() {
        assertEquals(0.726578570080673, CDNOW.probabilityAlive(new PurchaseHistory(2, 30.43, 38.86)), 1e-12);
        assertEquals(0.26844602006229, CDNOW.probabilityAlive(new PurchaseHistory(2, 10, 38.86)), 1e-12);
        assertEquals(1.0, CDNOW.probabilityAlive(new PurchaseHistory(0, 0, 38.86)));
    }

    @Test
    void individualLogLikelihood() {
        assertEquals(-9.458606307066272, CDNOW.logLikelihood(new PurchaseHistory(2, 30.43, 38.86)), 1e-10);
        assertEquals(-0.5547132764381585, CDNOW.logLikelihood(new PurchaseHistory(0, 0, 38.86)), 1e-10);
    }

    @Test
    void unconditionalExpectation() {
        assertEquals(1.1967231933208031, CDNOW.expectedPurchasesOfNewCustomer(39), 1e-9);
        assertEquals(1.8605190579427502, CDNOW.expectedPurchasesOfNewCustomer(78), 1e-9);
    }

    @Test
    void digammaMatchesKnownValues() {
        assertEquals(-0.5772156649015329, SpecialFunctions.digamma(1), 1e-12);
        assertEquals(-1.9635100260214235, SpecialFunctions.digamma(0.5), 1e-12);
        assertEquals(2.2517525890667211, SpecialFunctions.digamma(10), 1e-12);
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertEquals(0.0, SpecialFunctions.logGamma(1), 1e-14);
        assertEquals(Math.log(24), SpecialFunctions.logGamma(5), 1e-13);
        assertEquals(Math.log(Math.sqrt(Math.PI)), SpecialFunctions.logGamma(0.5), 1e-14);
        assertEquals(1.3180435846996699, SpecialFunctions.logGamma(0.243), 1e-12);
    }
}
