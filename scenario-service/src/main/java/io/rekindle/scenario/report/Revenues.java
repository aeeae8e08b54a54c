package io.rekindle.scenario.report;

/**
 * One group's revenue per customer in the measurement window: its customers, and the revenue of each who bought
 * (everyone else brought 0). Kept whole only for groups small enough to resample; {@code amounts} is null otherwise.
 */
record Revenues(long customers, double[] amounts, double sum, double sumOfSquares) {

    static Revenues of(long customers, double[] amounts) {
        double sum = 0;
        double squares = 0;
        for (double a : amounts) {
            sum += a;
            squares += a * a;
        }
        return new Revenues(customers, amounts, sum, squares);
    }

    static Revenues summarised(GroupFigures group) {
        return new Revenues(group.customers(), null, group.revenue(), group.revenueSquares());
    }

    double mean() {
        return sum / customers;
    }

    double variance() {
        if (customers < 2) {
            return 0;
        }
        return Math.max(0, (sumOfSquares - customers * mean() * mean()) / (customers - 1));
    }
}
