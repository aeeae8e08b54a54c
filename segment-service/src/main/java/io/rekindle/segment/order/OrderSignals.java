package io.rekindle.segment.order;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.outbox.Destination;
import io.rekindle.platform.outbox.Outbox;

/**
 * Tells scenario-service about fresh purchases (the "won back" exit, a cart ordered) through the outbox, in the
 * transaction that stores the order. Orders placed long ago are history being loaded, not news, and are not signalled;
 * scenario-service records each order's signal once, so a retried or updated order is harmless.
 */
@ApplicationScoped
public class OrderSignals {

    static final Duration FRESH = Duration.ofDays(2);

    private final Outbox outbox;

    OrderSignals(Outbox outbox) {
        this.outbox = outbox;
    }

    public void signal(Connection c, List<OrderRequest> orders, Instant now) throws SQLException {
        for (OrderRequest order : orders) {
            if (order.status() == OrderStatus.PLACED && order.placedAt().isAfter(now.minus(FRESH))) {
                outbox.add(c, Destination.SCENARIO_SIGNALS, signal(order));
            }
        }
    }

    static Map<String, Object> signal(OrderRequest order) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("orderId", order.orderId());
        properties.put("total", order.total().toPlainString());
        properties.put("currency", order.currency());
        if (order.cartId() != null) {
            properties.put("cartId", order.cartId());
        }
        if (order.discountCode() != null) {
            properties.put("discountCode", order.discountCode());
        }
        return Map.of("signalId", "order:" + order.orderId(), "customerId", order.customerId(), "type", "purchased",
                "occurredAt", order.placedAt().toString(), "properties", properties);
    }
}
