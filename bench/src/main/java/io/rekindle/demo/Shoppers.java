package io.rekindle.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rekindle.bench.SyntheticStore;
import io.rekindle.bench.SyntheticStore.Persona;

/**
 * The store's simulated customers after the history ends: each buys at their own rhythm (much less once they dropped
 * out), visits, leaves carts, and reacts to the mail they get. Opening a message makes a purchase in the next two
 * weeks more likely, clicking more so, a discount more again: that is what lets the treatment group differ from the
 * holdout. Every decision is a deterministic draw from the seed.
 */
final class Shoppers {

    static final List<String> REASONS = List.of("price", "found_another_shop", "no_longer_needed", "too_many_emails",
            "delivery_or_service", "product_quality", "other");
    private static final int[] REASON_WEIGHTS = { 30, 20, 15, 12, 10, 8, 5 };
    private static final int INTEREST_DAYS = 14;

    private final Draws draws;
    private final Map<String, Shopper> byId = new LinkedHashMap<>();
    private final Map<String, Shopper> byEmail = new HashMap<>();

    Shoppers(long seed) {
        this.draws = new Draws(seed);
    }

    static final class Shopper {
        final Persona persona;
        private double interest;
        private int interestUntil = -1;
        private String openCart;
        private int carts;
        private boolean lastCalled;
        private final Map<String, Integer> seen = new HashMap<>();

        Shopper(Persona persona) {
            this.persona = persona;
        }

        String id() {
            return persona.id();
        }

        /** Got the last call of the cleaning scenario: may have been erased since, and register again to buy. */
        boolean lastCalled() {
            return lastCalled;
        }

        private void interested(int day, double extra) {
            interest = day <= interestUntil ? interest + extra : extra;
            interestUntil = day + INTEREST_DAYS;
        }
    }

    /** What one customer did with one email. */
    record Reaction(Shopper shopper, Mail mail, boolean bounced, boolean opened, boolean clicked, String surveyReason,
            boolean unsubscribed) {
    }

    record Purchase(Shopper shopper, String orderId, String cartId, int category, double total) {
    }

    /** A visit: products viewed, and a cart left (cartId) or not (null). */
    record Visit(Shopper shopper, String cartId, int category) {
    }

    record Day(List<Purchase> purchases, List<Visit> visits) {
    }

    void add(Persona persona) {
        Shopper s = new Shopper(persona);
        byId.put(persona.id(), s);
        byEmail.put(persona.email().toLowerCase(Locale.ROOT), s);
    }

    Collection<Shopper> all() {
        return byId.values();
    }

    /** The reason this customer gives when asked why they stopped buying. */
    String reason(Shopper s) {
        return REASONS.get(draws.pick(REASON_WEIGHTS, s.id(), "reason"));
    }

    /** What a customer does with an email received on {@code day}; null for an address that is no customer's. */
    Reaction react(Mail mail, int day) {
        Shopper s = byEmail.get(mail.to().toLowerCase(Locale.ROOT));
        if (s == null) {
            return null;
        }
        int nth = s.seen.merge(mail.subject(), 1, Integer::sum);
        // A mistyped domain, or a mailbox abandoned by someone who left long ago: the provider bounces it.
        if (mail.to().endsWith("@gmial.com")
                || s.persona.droppedOut() && draws.uniform(s.id(), "abandoned-mailbox") < 0.04) {
            return new Reaction(s, mail, true, false, false, null, false);
        }
        boolean lastCall = mail.subject().startsWith("Last call");
        s.lastCalled |= lastCall;
        double engagement = (s.persona.droppedOut() ? 0.15 : 0.45) * (lastCall ? 1.5 : 1);
        boolean opened = draws.uniform(s.id(), "open", mail.subject(), nth) < engagement;
        boolean clicked = opened && !mail.trackedLinks().isEmpty()
                && draws.uniform(s.id(), "click", mail.subject(), nth) < 0.35;
        String answer = opened && mail.surveyLink() != null
                && draws.uniform(s.id(), "answer", mail.subject(), nth) < 0.5 ? reason(s) : null;
        double unsubscribeChance = "too_many_emails".equals(reason(s)) ? 0.3 : 0.015;
        boolean unsubscribed = opened && mail.unsubscribeUrl() != null
                && draws.uniform(s.id(), "unsubscribe", mail.subject(), nth) < unsubscribeChance;
        if (opened) {
            s.interested(day, 0.02);
            if (mail.subject().contains("cart") && s.openCart != null) {
                s.interested(day, 0.2);
            }
        }
        if (clicked) {
            s.interested(day, mail.offersDiscount() ? 0.08 : 0.05);
        }
        return new Reaction(s, mail, false, opened, clicked, answer, unsubscribed);
    }

    /** What the customers do on {@code day} besides reading mail: buy, browse, leave carts. */
    Day live(int day) {
        List<Purchase> purchases = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        for (Shopper s : byId.values()) {
            Persona p = s.persona;
            double base = (p.droppedOut() ? 0.04 : 1.0) / p.meanGapDays();
            double chance = Math.min(0.6, base + (day <= s.interestUntil ? s.interest : 0));
            int category = draws.uniform(s.id(), "category", day) < 0.7 ? p.favourite()
                    : (int) (draws.uniform(s.id(), "other-category", day) * SyntheticStore.CATEGORIES);
            if (draws.uniform(s.id(), "buy", day) < chance) {
                String cart = s.openCart != null ? s.openCart : s.id() + "-cart-" + ++s.carts;
                s.openCart = null;
                double total = Math.round((15 + draws.uniform(s.id(), "total", day) * 135) * 100) / 100.0;
                purchases.add(new Purchase(s, s.id() + "-d" + day, cart, category, total));
            } else if (!p.droppedOut() && draws.uniform(s.id(), "visit", day) < 1.2 / p.meanGapDays()) {
                String cart = null;
                if (s.openCart == null && draws.uniform(s.id(), "cart", day) < 0.4) {
                    cart = s.id() + "-cart-" + ++s.carts;
                    s.openCart = cart;
                }
                visits.add(new Visit(s, cart, category));
            }
        }
        return new Day(purchases, visits);
    }
}
