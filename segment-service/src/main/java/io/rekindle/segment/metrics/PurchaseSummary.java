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
import java.util.TreeSet;

import io.rekindle.segment.prediction.PurchaseHistory;

/**
 * What a customer's counted orders up to a date say: totals, their own rhythm (days between orders) and the
 * BG/NBD calibration summary (repeat purchase days, measured from the first purchase day, in days).
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
        LocalDate lastPurchaseDay) {

    public static final PurchaseSummary NONE = new PurchaseSummary(null, null, 0, BigDecimal.ZERO, null, null, null,
            null, 0, null, null);

    /** Summarises purchases (any order); days are UTC calendar days. */
    public static PurchaseSummary of(List<Purchase> purchases) {
        if (purchases.isEmpty()) {
            return NONE;
        }
        List<Purchase> sorted = new ArrayList<>(purchases);
        sorted.sort(Comparator.comparing(Purchase::placedAt));
        BigDecimal revenue = sorted.stream().map(Purchase::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(daysBetween(sorted.get(i - 1).placedAt(), sorted.get(i).placedAt()));
        }
        Double average = gaps.isEmpty() ? null : gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Double median = gaps.isEmpty() ? null : median(gaps);
        String lastCategory = null;
        for (int i = sorted.size() - 1; i >= 0 && lastCategory == null; i--) {
            lastCategory = sorted.get(i).category();
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        sorted.forEach(p -> days.add(LocalDate.ofInstant(p.placedAt(), ZoneOffset.UTC)));
        return new PurchaseSummary(sorted.get(0).placedAt(), sorted.get(sorted.size() - 1).placedAt(), sorted.size(),
                revenue, revenue.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP), average, median,
                lastCategory, days.size(), days.first(), days.last());
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

    static double daysBetween(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / 86_400_000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
