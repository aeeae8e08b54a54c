package io.rekindle.segment.prediction;

import java.util.Optional;

/**
 * A customer's potential value: BG/NBD expected purchases over the next year times the Gamma-Gamma expected spend per
 * purchase, and the same discounted at a yearly rate. Each half-year's expected purchases are discounted as if spread
 * evenly over it: one more evaluation of the model per customer, within 1% of discounting month by month up to a
 * rate of 50% a year (RevenueForecastTest), far less than the model's own uncertainty.
 */
public final class RevenueForecast {

    public static final double YEAR_DAYS = 365;

    /** Past 50% a year, discounting by half-years drifts more than 1% from monthly discounting. */
    static final double MAX_DISCOUNT_RATE = 0.5;

    private final BgNbdModel purchases;
    private final GammaGammaParameters spend;
    private final double firstHalfFactor;
    private final double secondHalfFactor;

    public RevenueForecast(BgNbdModel purchases, GammaGammaParameters spend, double yearlyDiscountRate) {
        checkDiscountRate(yearlyDiscountRate);
        this.purchases = purchases;
        this.spend = spend;
        // The mean of (1 + rate)^-t over each half-year: exact when purchases are spread evenly within it.
        double log = Math.log1p(yearlyDiscountRate);
        double half = Math.pow(1 + yearlyDiscountRate, -0.5);
        this.firstHalfFactor = log == 0 ? 1 : (1 - half) / (0.5 * log);
        this.secondHalfFactor = log == 0 ? 1 : (half - half * half) / (0.5 * log);
    }

    public static void checkDiscountRate(double yearlyDiscountRate) {
        if (!(yearlyDiscountRate >= 0 && yearlyDiscountRate <= MAX_DISCOUNT_RATE)) {
            throw new IllegalArgumentException("rekindle.value.discount-rate must be from 0 to 0.5, not "
                    + yearlyDiscountRate);
        }
    }

    /**
     * @param expectedPurchasesInAYear E[Y(365) | h], when the caller has it already (NaN to compute it)
     * @return empty when the models give no finite figure (a degenerate fit, or q <= 1 for a customer without a
     *         repeat purchase)
     */
    public Optional<Potential> of(PurchaseHistory h, Optional<SpendHistory> spent, double expectedPurchasesInAYear) {
        double perPurchase = spent.map(s -> spend.expectedSpend(s.x(), s.meanSpend()))
                .orElseGet(spend::populationMeanSpend);
        double year = Double.isNaN(expectedPurchasesInAYear) ? purchases.expectedPurchases(h, YEAR_DAYS)
                : expectedPurchasesInAYear;
        double firstHalf = purchases.expectedPurchases(h, YEAR_DAYS / 2);
        double revenue = year * perPurchase;
        double discounted = perPurchase * (firstHalf * firstHalfFactor + (year - firstHalf) * secondHalfFactor);
        if (!Double.isFinite(revenue) || !Double.isFinite(discounted)) {
            return Optional.empty();
        }
        return Optional.of(new Potential(year, perPurchase, revenue, discounted));
    }
}
