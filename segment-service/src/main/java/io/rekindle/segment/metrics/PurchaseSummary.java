package io.rekindle.segment.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.rekindle.segment.prediction.PurchaseHistory;
import io.rekindle.segment.prediction.SpendHistory;

/**
 * What a customer's counted orders up to a date say: totals, their own rhythm (days between orders), the BG/NBD
 * calibration summary (repeat purchase days, measured from the first purchase day, in days) and what the first
 * purchase day came to (the Gamma-Gamma spend model leaves it out).
 */
public record PurchaseSummary(
        Instant firstOrderAt,
        Instant lastOrderAt,
        int orderCount,
        BigDecimal revenue,
        BigDecimal averageOrderValue,
        Double averageGapDays,
        Double medianGapDays,
        String lastPurchasedCategory,
        int purchaseDays,
        LocalDate firstPurchaseDay,
        LocalDate lastPurchaseDay,
        BigDecimal firstDayRevenue) {

    public static final PurchaseSummary NONE = new PurchaseSummary(null, null, 0, BigDecimal.ZERO, null, null, null,
            null, 0, null, null, BigDecimal.ZERO);

    /** Summarises purchases (any order); days are UTC calendar days. Runs for every buyer in a full recompute. */
    public static PurchaseSummary of(List<Purchase> purchases) {
        int n = purchases.size();
        if (n == 0) {
            return NONE;
        }
        List<Purchase> sorted = purchases;
        for (int i = 1; i < n; i++) {
            if (purchases.get(i).placedAt().isBefore(purchases.get(i - 1).placedAt())) {
                sorted = new ArrayList<>(purchases);
                sorted.sort(Comparator.comparing(Purchase::placedAt));
                break;
            }
        }
        BigDecimal revenue = BigDecimal.ZERO;
        String lastCategory = null;
        int days = 0;
        long previousDay = Long.MIN_VALUE;
        long firstDay = Math.floorDiv(sorted.get(0).placedAt().getEpochSecond(), 86_400);
        BigDecimal firstDayRevenue = BigDecimal.ZERO;
        double[] gaps = new double[n - 1];
        for (int i = 0; i < n; i++) {
            Purchase p = sorted.get(i);
            revenue = revenue.add(p.total());
            if (p.category() != null) {
                lastCategory = p.category();
            }
            long day = Math.floorDiv(p.placedAt().getEpochSecond(), 86_400);
            if (day == firstDay) {
                firstDayRevenue = firstDayRevenue.add(p.total());
            }
            if (day != previousDay) {
                days++;
                previousDay = day;
            }
            if (i > 0) {
                gaps[i - 1] = daysBetween(sorted.get(i - 1).placedAt(), p.placedAt());
            }
        }
        Instant first = sorted.get(0).placedAt();
        Instant last = sorted.get(n - 1).placedAt();
        // The mean of consecutive gaps telescopes to (last - first) / (n - 1).
        Double average = n < 2 ? null : daysBetween(first, last) / (n - 1);
        Double median = n < 2 ? null : median(gaps);
        return new PurchaseSummary(first, last, n, revenue,
                revenue.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP), average, median, lastCategory, days,
                LocalDate.ofInstant(first, ZoneOffset.UTC), LocalDate.ofInstant(last, ZoneOffset.UTC), firstDayRevenue);
    }

    /** The paper's (x, tx, T) in days as of {@code asOf}; empty without purchases. */
    public java.util.Optional<PurchaseHistory> history(LocalDate asOf) {
        if (orderCount == 0) {
            return java.util.Optional.empty();
        }
        long t = Math.max(0, ChronoUnit.DAYS.between(firstPurchaseDay, asOf));
        long tx = ChronoUnit.DAYS.between(firstPurchaseDay, lastPurchaseDay);
        return java.util.Optional.of(new PurchaseHistory(purchaseDays - 1, tx, Math.max(t, tx)));
    }

    /**
     * The Gamma-Gamma model's (x, mean spend): repeat purchase days and the mean of what they came to, the first day
     * left out; empty without a repeat purchase of positive value.
     */
    public java.util.Optional<SpendHistory> spend() {
        int repeats = purchaseDays - 1;
        BigDecimal repeatRevenue = revenue.subtract(firstDayRevenue);
        if (repeats < 1 || repeatRevenue.signum() <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SpendHistory(repeats, repeatRevenue.doubleValue() / repeats));
    }

    static double daysBetween(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / 86_400_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
