package io.rekindle.segment.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.segment.config.SegmentConfig;


/**
 * One pass over the counted orders up to a moment, customer by customer in index order, summarised with the same
 * {@link PurchaseSummary} a single customer's read uses. Everything store-wide (RFM, latency, the BG/NBD fit, the
 * materialised metrics) derives from it.
 */
@ApplicationScoped
public class StoreScan {

    private static final String ORDERS = """
            SELECT customer_id, (extract(epoch FROM placed_at) * 1000)::bigint AS placed_ms, total, first_category
            FROM orders
            WHERE status = 'placed' AND placed_at < ? ORDER BY customer_id, placed_at
            """;

    private final DataSource dataSource;
    private final Duration rfmWindow;

    StoreScan(DataSource dataSource, SegmentConfig config) {
        this.dataSource = dataSource;
        this.rfmWindow = config.rfm().window();
    }

    public Duration rfmWindow() {
        return rfmWindow;
    }

    /** Runs in a transaction so the rows stream through a cursor instead of being loaded at once. */
    @Transactional
    public StoreSnapshot scan(AsOf asOf) {
        Instant windowStart = asOf.until().minus(rfmWindow);
        List<CustomerAggregate> buyers = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ORDERS)) {
            ps.setTimestamp(1, Timestamp.from(asOf.until()));
            ps.setFetchSize(50_000);
            try (ResultSet rs = ps.executeQuery()) {
                String current = null;
                List<Purchase> purchases = new ArrayList<>();
                while (rs.next()) {
                    String customerId = rs.getString(1);
                    if (!customerId.equals(current)) {
                        if (current != null) {
                            buyers.add(aggregate(current, purchases, windowStart));
                        }
                        current = customerId;
                        purchases = new ArrayList<>();
                    }
                    purchases.add(new Purchase(Instant.ofEpochMilli(rs.getLong(2)), rs.getBigDecimal(3), rs.getString(4)));
                }
                if (current != null) {
                    buyers.add(aggregate(current, purchases, windowStart));
                }
            }
            return new StoreSnapshot(asOf, buyers);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code purchases} are in time order. */
    private static CustomerAggregate aggregate(String customerId, List<Purchase> purchases, Instant windowStart) {
        int windowOrders = 0;
        BigDecimal windowRevenue = BigDecimal.ZERO;
        for (Purchase p : purchases) {
            if (!p.placedAt().isBefore(windowStart)) {
                windowOrders++;
                windowRevenue = windowRevenue.add(p.total());
            }
        }
        return new CustomerAggregate(customerId, PurchaseSummary.of(purchases),
                purchases.size() > 1 ? purchases.get(1).placedAt() : null,
                purchases.size() > 2 ? purchases.get(2).placedAt() : null, windowOrders, windowRevenue);
    }
}
