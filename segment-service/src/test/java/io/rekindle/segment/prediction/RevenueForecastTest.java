package io.rekindle.segment.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Potential value from the CDNOW fits (BG/NBD in days: alpha = 4.414 weeks x 7; Gamma-Gamma as published). */
class RevenueForecastTest {

    private static final BgNbdModel PURCHASES = new BgNbdModel(new BgNbdParameters(0.243, 4.414 * 7, 0.793, 2.426));
    private static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);
    private static final PurchaseHistory REGULAR = new PurchaseHistory(2, 30.43 * 7, 38.86 * 7);

    @Test
    void potentialIsExpectedPurchasesTimesExpectedSpend() {
        Potential potential = new RevenueForecast(PURCHASES, SPEND, 0.1)
                .of(REGULAR, Optional.of(new SpendHistory(2, 40)), Double.NaN).orElseThrow();

        double purchases = PURCHASES.expectedPurchases(REGULAR, 365);
        // Equation (5): p (gamma + m x) / (p x + q - 1) = 6.25 x (15.44 + 80) / (12.5 + 2.74).
        assertEquals(6.25 * 95.44 / 15.24, potential.expectedSpendPerOrder(), 1e-9);
        assertEquals(purchases, potential.expectedOrders(), 1e-12);
        assertEquals(purchases * potential.expectedSpendPerOrder(), potential.expectedRevenue(), 1e-9);
        assertTrue(potential.discountedRevenue() < potential.expectedRevenue()
                && potential.discountedRevenue() > potential.expectedRevenue() / 1.1);
    }

    @Test
    void aCustomerWithoutARepeatPurchaseIsExpectedToSpendThePopulationMean() {
        PurchaseHistory once = new PurchaseHistory(0, 0, 100);

        Potential potential = new RevenueForecast(PURCHASES, SPEND, 0).of(once, Optional.empty(), Double.NaN)
                .orElseThrow();

        assertEquals(6.25 * 15.44 / 2.74, potential.expectedSpendPerOrder(), 1e-9);
        assertEquals(potential.expectedRevenue(), potential.discountedRevenue(), 1e-12, "nothing to discount at 0");
    }

    @Test
    void halfYearDiscountingIsWithinOnePercentOfMonthlyDiscounting() {
        List<PurchaseHistory> customers = List.of(REGULAR, new PurchaseHistory(0, 0, 30),
                new PurchaseHistory(12, 250, 260), new PurchaseHistory(1, 10, 300));
        for (double rate : new double[] { 0.1, 0.3, RevenueForecast.MAX_DISCOUNT_RATE }) {
            RevenueForecast forecast = new RevenueForecast(PURCHASES, SPEND, rate);
            for (PurchaseHistory h : customers) {
                Potential potential = forecast.of(h, Optional.empty(), Double.NaN).orElseThrow();
                double monthly = 0;
                double before = 0;
                for (int month = 1; month <= 12; month++) {
                    double upTo = PURCHASES.expectedPurchases(h, 365.0 * month / 12);
                    monthly += (upTo - before) * Math.pow(1 + rate, -(month - 0.5) / 12);
                    before = upTo;
                }
                monthly *= potential.expectedSpendPerOrder();
                assertEquals(monthly, potential.discountedRevenue(), monthly * 0.01, "rate " + rate + ", " + h);
            }
        }
    }

    @Test
    void noFigureWhereTheModelGivesNone() {
        GammaGammaParameters heavyTailed = new GammaGammaParameters(6.25, 0.9, 15.44);

        assertEquals(Optional.empty(), new RevenueForecast(PURCHASES, heavyTailed, 0.1)
                .of(new PurchaseHistory(0, 0, 100), Optional.empty(), Double.NaN));
    }

    @Test
    void aDiscountRateOutOfRangeIsRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RevenueForecast(PURCHASES, SPEND, -0.1));
        assertTrue(e.getMessage().contains("rekindle.value.discount-rate"));
        assertThrows(IllegalArgumentException.class, () -> RevenueForecast.checkDiscountRate(0.6));
    }
}
