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
 * Tells the peers about orders through the outbox, in the transaction that stores them: scenario-service about fresh
 * purchases (the "won back" exit, a cart ordered), messaging-service about every write of an order that carried a
 * discount code (its offers' redemptions; a cancellation or refund reverses one). Orders placed long ago are history
 * being loaded, not news, and are not passed on; both peers key what they record by order, so a retried or updated
 * order is harmless.
 */
@ApplicationScoped
public class OrderSignals {

    static final Duration FRESH = Duration.ofDays(2);
    /** How far back an order's code still reaches the offers' figures (longer than any campaign's code is valid). */
    static final Duration CODES_FOLLOWED = Duration.ofDays(365);

    private final Outbox outbox;

    OrderSignals(Outbox outbox) {
        this.outbox = outbox;
    }

    public void signal(Connection c, List<OrderRequest> orders, Instant now) throws SQLException {
        for (OrderRequest order : orders) {
            if (order.status() == OrderStatus.PLACED && order.placedAt().isAfter(now.minus(FRESH))) {
                outbox.add(c, Destination.SCENARIO_SIGNALS, signal(order));
            }
            if (order.discountCode() != null && order.placedAt().isAfter(now.minus(CODES_FOLLOWED))) {
                outbox.add(c, Destination.MESSAGING_REDEMPTIONS, redemption(order));
            }
        }
    }

    static Map<String, Object> redemption(OrderRequest order) {
        Map<String, Object> redemption = new LinkedHashMap<>();
        redemption.put("orderId", order.orderId());
        redemption.put("customerId", order.customerId());
        redemption.put("code", order.discountCode());
        redemption.put("status", order.status().dbValue());
        redemption.put("placedAt", order.placedAt().toString());
        redemption.put("currency", order.currency());
        redemption.put("total", order.total().toPlainString());
        if (order.discountAmount() != null) {
            redemption.put("discount", order.discountAmount().toPlainString());
        }
        return redemption;
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
        if (order.discountAmount() != null) {
            properties.put("discount", order.discountAmount().toPlainString());
        }
        return Map.of("signalId", "order:" + order.orderId(), "customerId", order.customerId(), "type", "purchased",
                "occurredAt", order.placedAt().toString(), "properties", properties);
    }
}
