package io.rekindle.scenario.report;

/**
 * One group's measured customers: how many, how many converted within the attribution window, and the revenue they
 * brought in that window (sum and sum of squares per customer, zeros included, for its variance).
 */
public record GroupFigures(long customers, long converted, double revenue, double revenueSquares) {

    public Double conversionRate() {
        return customers == 0 ? null : (double) converted / customers;
    }

    public Double revenuePerCustomer() {
        return customers == 0 ? null : revenue / customers;
    }

    double revenueVariance() {
        return Revenues.summarised(this).variance();
    }
}
