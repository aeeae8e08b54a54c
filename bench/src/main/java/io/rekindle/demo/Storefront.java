package io.rekindle.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.rekindle.bench.Api;
import io.rekindle.bench.SyntheticStore;

/** The shop's side of the demo: it reports a day's orders, product views and carts the way a storefront would. */
final class Storefront {

    private final Suite suite;
    private final Executor cartDesk;

    Storefront(Suite suite, Executor cartDesk) {
        this.suite = suite;
        this.cartDesk = cartDesk;
    }

    /**
     * Sends what happened on one day, {@code now} being that day's end: orders, then the views and carts (a cart is
     * never seen without the order that followed it, whenever segment-service looks), and the abandoned carts'
     * triggers.
     */
    void report(Shoppers.Day day, Instant now, int dayNumber) throws InterruptedException {
        Instant visited = now.minusSeconds(3 * 3_600);
        Instant ordered = now.minusSeconds(2 * 3_600);
        List<String> events = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (Shoppers.Purchase p : day.purchases()) {
            reRegisterIfErased(p.shopper(), now);
            String sku = SyntheticStore.sku(p.category(), (int) (p.total() * 7) % SyntheticStore.PRODUCTS_PER_CATEGORY);
            events.add(event(p.shopper().id() + "-v" + dayNumber, p.shopper().id(), "product_viewed", visited, sku, null));
            events.add(event(p.shopper().id() + "-c" + dayNumber, p.shopper().id(), "cart_updated", visited, sku,
                    p.cartId()));
            orders.add("{\"orderId\":\"%s\",\"customerId\":\"%s\",\"placedAt\":\"%s\",\"currency\":\"EUR\",\"total\":%s,"
                    .formatted(p.orderId(), p.shopper().id(), ordered, money(p.total()))
                    + "\"status\":\"placed\",\"cartId\":\"%s\",\"items\":[{\"sku\":\"%s\",\"category\":\"%s\",\"quantity\":1,\"unitPrice\":%s}]}"
                            .formatted(p.cartId(), sku, SyntheticStore.category(p.category()), money(p.total())));
        }
        List<Shoppers.Visit> abandoned = new ArrayList<>();
        for (Shoppers.Visit v : day.visits()) {
            String sku = SyntheticStore.sku(v.category(), dayNumber % SyntheticStore.PRODUCTS_PER_CATEGORY);
            events.add(event(v.shopper().id() + "-v" + dayNumber, v.shopper().id(), "product_viewed", visited, sku, null));
            if (v.cartId() != null) {
                events.add(event(v.shopper().id() + "-c" + dayNumber, v.shopper().id(), "cart_updated", visited, sku,
                        v.cartId()));
                abandoned.add(v);
            }
        }
        // A cart left without an order is what the storefront tells scenario-service about (the cart trigger), in
        // order (with a daily entry limit, the first ones of the day enter), while the orders and site events go to
        // segment-service: the carts are other customers'.
        List<String> carts = abandoned.stream().map(v -> "{\"eventId\":\"%s\",\"customerId\":\"%s\",\"type\":\"cart_updated\","
                .formatted(v.cartId(), v.shopper().id()) + "\"occurredAt\":\"%s\",\"properties\":{\"cartId\":\"%s\"}}"
                        .formatted(visited, v.cartId())).toList();
        CompletableFuture<Void> triggers = CompletableFuture.runAsync(() -> {
            for (int from = 0; from < carts.size(); from += 1_000) {
                suite.scenario.postBatch("/v1/triggers/batch", carts.subList(from, Math.min(carts.size(), from + 1_000)));
            }
        }, cartDesk);
        if (!orders.isEmpty()) {
            suite.segment.postBatch("/v1/orders/batch", orders);
            // The buyers evaluated before the visitors, never together or not: the feeds' order is the same each run.
            suite.awaitQuiet("segment");
        }
        if (!events.isEmpty()) {
            suite.segment.postBatch("/v1/events/batch", events);
        }
        triggers.join();
    }

    /** A customer the cleaning scenario erased who comes back to buy registers again, as a new profile. */
    private void reRegisterIfErased(Shoppers.Shopper s, Instant now) {
        if (!s.lastCalled() || suite.segment.status("/v1/customers/" + s.id()) != 404) {
            return;
        }
        suite.segment.put("/v1/customers/" + s.id(), "{\"email\":\"%s\",\"firstName\":\"Back\",\"createdAt\":\"%s\",%s}"
                .formatted(s.persona.email(), now.minusSeconds(4 * 3_600), "\"consents\":{\"email\":true}"));
    }

    private static String money(double amount) {
        return String.format(java.util.Locale.ROOT, "%.2f", amount);
    }

    private static String event(String id, String customer, String type, Instant at, String sku, String cartId) {
        return "{\"eventId\":\"%s\",\"customerId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\",\"properties\":{\"sku\":\"%s\"%s}}"
                .formatted(id, customer, type, at, sku, cartId == null ? "" : ",\"cartId\":\"" + cartId + "\"");
    }
}
