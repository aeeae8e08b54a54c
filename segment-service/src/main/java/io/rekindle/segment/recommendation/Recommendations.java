package io.rekindle.segment.recommendation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks products for a message: from the customer's last purchased category, or similar to what they last viewed,
 * ranked by units sold in the recent window; store bestsellers fill what is left. Never a product they bought, never
 * one out of stock.
 */
@ApplicationScoped
public class Recommendations {

    private static final String RANKED = """
            SELECT p.sku, p.name, p.category, p.price, p.url, p.image_url
            FROM product p
            LEFT JOIN unnest(?::text[], ?::bigint[]) AS s(sku, units) ON s.sku = p.sku
            WHERE p.in_stock AND NOT (p.sku = ANY (?)) AND (?::text IS NULL OR p.category = ?)
            ORDER BY coalesce(s.units, 0) DESC, p.sku
            LIMIT ?
            """;

    private final DataSource dataSource;
    private final Bestsellers bestsellers;

    Recommendations(DataSource dataSource, Bestsellers bestsellers) {
        this.dataSource = dataSource;
        this.bestsellers = bestsellers;
    }

    public Recommendation forCustomer(String customerId, Strategy strategy, int limit) {
        try (Connection c = dataSource.getConnection()) {
            Set<String> excluded = boughtSkus(c, customerId);
            String category = null;
            String reason = "bestseller";
            if (strategy == Strategy.LAST_CATEGORY) {
                category = single(c, """
                        SELECT first_category FROM orders WHERE customer_id = ? AND status = 'placed'
                        ORDER BY placed_at DESC LIMIT 1""", customerId);
                reason = "from your last purchased category";
            } else if (strategy == Strategy.VIEWED_SIMILAR) {
                String viewed = single(c, """
                        SELECT properties ->> 'sku' FROM event WHERE customer_id = ? AND type = 'product_viewed'
                        ORDER BY occurred_at DESC LIMIT 1""", customerId);
                if (viewed != null) {
                    excluded.add(viewed);
                    category = single(c, "SELECT category FROM product WHERE sku = ?", viewed);
                }
                reason = "similar to what you viewed";
            }
            List<Recommendation.Item> items = new ArrayList<>();
            if (category != null) {
                items.addAll(ranked(c, excluded, category, limit, reason));
            }
            if (items.size() < limit) {
                items.forEach(i -> excluded.add(i.sku()));
                items.addAll(ranked(c, excluded, null, limit - items.size(), "bestseller"));
            }
            return new Recommendation(customerId, strategy.key(), category, items);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Recommendation.Item> ranked(Connection c, Set<String> excluded, String category, int limit,
            String reason) throws SQLException {
        List<Recommendation.Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RANKED)) {
            Bestsellers.Ranking ranking = bestsellers.ranking();
            ps.setArray(1, c.createArrayOf("text", ranking.skus()));
            ps.setArray(2, c.createArrayOf("bigint", ranking.units()));
            ps.setArray(3, c.createArrayOf("text", excluded.toArray()));
            ps.setString(4, category);
            ps.setString(5, category);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Recommendation.Item(rs.getString("sku"), rs.getString("name"),
                            rs.getString("category"), rs.getBigDecimal("price"), rs.getString("url"),
                            rs.getString("image_url"), reason));
                }
            }
        }
        return items;
    }

    private static Set<String> boughtSkus(Connection c, String customerId) throws SQLException {
        Set<String> skus = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT i ->> 'sku' FROM orders o CROSS JOIN jsonb_array_elements(o.items) i
                WHERE o.customer_id = ? AND o.status = 'placed'""")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    skus.add(rs.getString(1));
                }
            }
        }
        return skus;
    }

    private static String single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
