package io.rekindle.segment.product;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ProductStore {

    private static final String UPSERT = """
            INSERT INTO product (sku, name, category, price, url, image_url, in_stock, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sku) DO UPDATE SET name = excluded.name, category = excluded.category,
                price = excluded.price, url = excluded.url, image_url = excluded.image_url,
                in_stock = excluded.in_stock, updated_at = excluded.updated_at
            """;

    private final DataSource dataSource;
    private final Clock clock;

    ProductStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Transactional
    public void storeAll(List<ProductRequest> products) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (ProductRequest p : products) {
                ps.setString(1, p.sku());
                ps.setString(2, p.name());
                ps.setString(3, p.category());
                ps.setBigDecimal(4, p.price());
                ps.setString(5, p.url());
                ps.setString(6, p.imageUrl());
                ps.setBoolean(7, p.inStock() == null || p.inStock());
                ps.setTimestamp(8, now);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + products.size() + " products", e);
        }
    }
}
