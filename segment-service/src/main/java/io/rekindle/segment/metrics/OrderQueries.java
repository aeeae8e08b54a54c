package io.rekindle.segment.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.event.EventTypes;

/** The reads the metrics are computed from; only placed orders count as purchases. */
@ApplicationScoped
public class OrderQueries {

    private final DataSource dataSource;

    OrderQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Purchase> purchases(String customerId, AsOf asOf) {
        String sql = """
                SELECT placed_at, total, first_category FROM orders
                WHERE customer_id = ? AND status = 'placed' AND placed_at < ? ORDER BY placed_at
                """;
        List<Purchase> purchases = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customerId);
            ps.setTimestamp(2, Timestamp.from(asOf.until()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    purchases.add(new Purchase(rs.getTimestamp("placed_at").toInstant(), rs.getBigDecimal("total"),
                            rs.getString("first_category")));
                }
            }
            return purchases;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each customer's placed orders and revenue in the {@code days} before {@code now}; customers without any left out. */
    public java.util.Map<String, RecentSpend> recentSpend(List<String> customerIds, int days, Instant now) {
        String sql = """
                SELECT customer_id, count(*) AS orders, sum(total) AS revenue FROM orders
                WHERE customer_id = ANY (?) AND status = 'placed' AND placed_at >= ? AND placed_at < ?
                GROUP BY customer_id
                """;
        java.util.Map<String, RecentSpend> spend = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            ps.setTimestamp(2, Timestamp.from(now.minus(java.time.Duration.ofDays(days))));
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    spend.put(rs.getString("customer_id"),
                            new RecentSpend(days, rs.getInt("orders"), rs.getBigDecimal("revenue")));
                }
            }
            return spend;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last engagement of any kind and the last email open before the moment. */
    public Instant[] lastEngagement(String customerId, AsOf asOf) {
        String sql = """
                SELECT max(occurred_at) FILTER (WHERE type = ANY (?)) AS engaged_at,
                       max(occurred_at) FILTER (WHERE type = ?) AS opened_at
                FROM event WHERE customer_id = ? AND occurred_at < ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", EventTypes.ENGAGEMENT.toArray()));
            ps.setString(2, EventTypes.EMAIL_OPENED);
            ps.setString(3, customerId);
            ps.setTimestamp(4, Timestamp.from(asOf.until()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Instant[] { instant(rs.getTimestamp("engaged_at")), instant(rs.getTimestamp("opened_at")) };
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
