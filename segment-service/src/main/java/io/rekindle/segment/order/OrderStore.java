package io.rekindle.segment.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.segment.segments.Reevaluations;

/** Writes orders idempotently: the same order again changes nothing, a changed order replaces the stored one. */
@ApplicationScoped
public class OrderStore {

    private static final String UPSERT = """
            INSERT INTO orders (order_id, customer_id, placed_at, currency, total, discount_code, status, items, updated_at,
                                first_category, discount_amount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET
                customer_id = excluded.customer_id, placed_at = excluded.placed_at, currency = excluded.currency,
                total = excluded.total, discount_code = excluded.discount_code, status = excluded.status,
                items = excluded.items, updated_at = excluded.updated_at, first_category = excluded.first_category,
                discount_amount = excluded.discount_amount
            WHERE (orders.customer_id, orders.placed_at, orders.currency, orders.total, orders.discount_code,
                   orders.status, orders.items, orders.discount_amount)
                IS DISTINCT FROM (excluded.customer_id, excluded.placed_at, excluded.currency, excluded.total,
                   excluded.discount_code, excluded.status, excluded.items, excluded.discount_amount)
            """;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Reevaluations reevaluations;
    private final OrderSignals signals;

    OrderStore(DataSource dataSource, ObjectMapper mapper, Clock clock, Reevaluations reevaluations,
            OrderSignals signals) {
        this.signals = signals;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
        this.reevaluations = reevaluations;
    }

    /** Stores one order; answers whether it was new. */
    @Transactional
    public boolean store(OrderRequest order) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT + " RETURNING (xmax = 0) AS inserted")) {
            bind(ps, order, Timestamp.from(clock.instant()));
            reevaluations.markDue(c, List.of(order.customerId()));
            try (ResultSet rs = ps.executeQuery()) {
                boolean changed = rs.next();
                if (changed) {
                    signals.signal(c, List.of(order), clock.instant());
                }
                return changed && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing order " + order.orderId(), e);
        }
    }

    /** Stores orders with distinct ids in one transaction. */
    @Transactional
    public void storeAll(List<OrderRequest> orders) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (OrderRequest order : orders) {
                bind(ps, order, now);
                ps.addBatch();
            }
            ps.executeBatch();
            reevaluations.markDue(c, orders.stream().map(OrderRequest::customerId).distinct().toList());
            signals.signal(c, orders, now.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("storing a batch of " + orders.size() + " orders", e);
        }
    }

    private void bind(PreparedStatement ps, OrderRequest order, Timestamp now) throws SQLException {
        ps.setString(1, order.orderId());
        ps.setString(2, order.customerId());
        ps.setTimestamp(3, Timestamp.from(order.placedAt()));
        ps.setString(4, order.currency());
        ps.setBigDecimal(5, order.total());
        ps.setString(6, order.discountCode());
        ps.setString(7, order.status().dbValue());
        ps.setString(8, itemsJson(order));
        ps.setTimestamp(9, now);
        ps.setString(10, order.items() == null || order.items().isEmpty() ? null : order.items().get(0).category());
        ps.setBigDecimal(11, order.discountAmount());
    }

    private String itemsJson(OrderRequest order) {
        try {
            return mapper.writeValueAsString(order.items() == null ? List.of() : order.items());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
