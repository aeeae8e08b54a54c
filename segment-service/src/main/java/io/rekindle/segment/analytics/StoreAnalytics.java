package io.rekindle.segment.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.metrics.AsOf;
import io.rekindle.segment.metrics.StoreScan;
import io.rekindle.segment.metrics.StoreSnapshot;

/** Store-level views over the counted orders. */
@ApplicationScoped
public class StoreAnalytics {

    private final DataSource dataSource;
    private final StoreScan scan;

    StoreAnalytics(DataSource dataSource, StoreScan scan) {
        this.dataSource = dataSource;
        this.scan = scan;
    }

    /** Average days from the first to the second order and from the second to the third, with how many customers. */
    public PurchaseLatency purchaseLatency(AsOf asOf) {
        StoreSnapshot.Latency latency = scan.scan(asOf).latency();
        return new PurchaseLatency(asOf.day(), latency.firstToSecondDays(), latency.customersWithSecond(),
                latency.secondToThirdDays(), latency.customersWithThird());
    }

    /**
     * Monthly cohort retention: for each month of first purchase, the share of its customers who bought again in
     * month k after it (k = 1, 2, ...), up to the month of {@code asOf}.
     */
    public Retention retention(AsOf asOf) {
        String sql = """
                WITH purchases AS (
                    SELECT customer_id, date_trunc('month', placed_at AT TIME ZONE 'UTC')::date AS month
                    FROM orders WHERE status = 'placed' AND placed_at < ?
                    GROUP BY 1, 2),
                cohorts AS (SELECT customer_id, min(month) AS cohort FROM purchases GROUP BY customer_id)
                SELECT c.cohort,
                       (extract(year FROM p.month) - extract(year FROM c.cohort)) * 12
                           + extract(month FROM p.month) - extract(month FROM c.cohort) AS k,
                       count(*) AS buyers
                FROM purchases p JOIN cohorts c USING (customer_id)
                GROUP BY 1, 2 ORDER BY 1, 2
                """;
        Map<YearMonth, long[]> rows = new LinkedHashMap<>();
        YearMonth last = YearMonth.from(asOf.day());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(asOf.until()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    YearMonth cohort = YearMonth.from(rs.getDate("cohort").toLocalDate());
                    int months = (int) (last.getYear() * 12L + last.getMonthValue()
                            - cohort.getYear() * 12L - cohort.getMonthValue());
                    long[] counts = rows.computeIfAbsent(cohort, k -> new long[months + 1]);
                    counts[rs.getInt("k")] = rs.getLong("buyers");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Retention.Cohort> cohorts = new ArrayList<>();
        rows.forEach((cohort, counts) -> {
            List<Double> shares = new ArrayList<>();
            for (int k = 1; k < counts.length; k++) {
                shares.add(counts[0] == 0 ? 0 : (double) counts[k] / counts[0]);
            }
            cohorts.add(new Retention.Cohort(cohort.toString(), counts[0], shares));
        });
        return new Retention(asOf.day(), cohorts);
    }

    public record PurchaseLatency(LocalDate asOf, Double firstToSecondDays, long customersWithSecond,
            Double secondToThirdDays, long customersWithThird) {
    }
}
