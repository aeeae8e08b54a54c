package io.rekindle.messaging.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The orders that redeemed the offers' codes. An order's code is matched first to the message that gave this customer
 * that code (a pooled code or a shared one), else to the pool or the shared code of an offer (a code passed on to
 * someone else); a code no offer knows is not kept.
 */
@ApplicationScoped
public class Redemptions {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    Redemptions(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** The offer (as the message carried it, or as it is now) an order's code belongs to. */
    private record Match(String offerId, String messageId, OfferDefinition definition) {
    }

    /** Stores each order's latest write; answers how many carried a code of an offer. */
    @Transactional
    public int record(List<RedemptionRequest> orders) {
        Timestamp now = Timestamp.from(clock.instant());
        int matched = 0;
        try (Connection c = dataSource.getConnection()) {
            // In order id order: two deliveries sharing orders (a retried batch) lock them alike and cannot deadlock.
            for (RedemptionRequest r : orders.stream().sorted(Comparator.comparing(RedemptionRequest::orderId)).toList()) {
                Optional<Match> match = match(c, r.customerId(), r.code());
                if (match.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM offer_redemption WHERE order_id = ?")) {
                        ps.setString(1, r.orderId());
                        ps.executeUpdate();
                    }
                    continue;
                }
                upsert(c, r, match.get(), now);
                matched++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return matched;
    }

    private static void upsert(Connection c, RedemptionRequest r, Match m, Timestamp now) throws SQLException {
        BigDecimal discount = r.discount() != null ? r.discount() : estimate(m.definition(), r.total());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO offer_redemption (order_id, customer_id, code, offer_id, message_id, site_offering, status,
                    placed_at, currency, total, discount, discount_estimated, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, code = EXCLUDED.code,
                    offer_id = EXCLUDED.offer_id, message_id = EXCLUDED.message_id,
                    site_offering = EXCLUDED.site_offering, status = EXCLUDED.status, placed_at = EXCLUDED.placed_at,
                    currency = EXCLUDED.currency, total = EXCLUDED.total, discount = EXCLUDED.discount,
                    discount_estimated = EXCLUDED.discount_estimated, received_at = EXCLUDED.received_at""")) {
            ps.setString(1, r.orderId());
            ps.setString(2, r.customerId());
            ps.setString(3, r.code());
            ps.setString(4, m.offerId());
            ps.setString(5, m.messageId());
            ps.setBoolean(6, m.definition().siteOffering());
            ps.setString(7, r.status());
            ps.setTimestamp(8, Timestamp.from(r.placedAt()));
            ps.setString(9, r.currency());
            ps.setBigDecimal(10, r.total());
            ps.setBigDecimal(11, discount);
            ps.setBoolean(12, r.discount() == null && discount != null);
            ps.setTimestamp(13, now);
            ps.executeUpdate();
        }
    }

    /**
     * What the code took off an order of this total (what the customer paid), when the storefront did not say: an
     * amount offer's value, a percent offer's share of the price before it; unknown for free shipping.
     */
    static BigDecimal estimate(OfferDefinition offer, BigDecimal paid) {
        return switch (offer.kind()) {
            case AMOUNT -> offer.value();
            case PERCENT -> offer.value().compareTo(BigDecimal.valueOf(100)) >= 0 ? null
                    : paid.multiply(offer.value()).divide(BigDecimal.valueOf(100).subtract(offer.value()), 2,
                            RoundingMode.HALF_UP);
            case FREE_SHIPPING -> null;
        };
    }

    private Optional<Match> match(Connection c, String customerId, String code) throws SQLException {
        Optional<Match> given = first(c, """
                SELECT m.offer_id, m.message_id, v.definition::text AS definition FROM message m
                JOIN offer_version v ON v.offer_id = m.offer_id AND v.version = m.offer_version
                WHERE m.customer_id = ? AND upper(m.offer_code) = upper(?) ORDER BY m.created_at DESC LIMIT 1""",
                customerId, code);
        if (given.isPresent()) {
            return given;
        }
        Optional<Match> pooled = first(c, """
                SELECT k.offer_id, NULL AS message_id, o.definition::text AS definition FROM offer_code k
                JOIN offer o ON o.offer_id = k.offer_id WHERE upper(k.code) = upper(?) ORDER BY k.offer_id LIMIT 1""",
                code);
        if (pooled.isPresent()) {
            return pooled;
        }
        return first(c, """
                SELECT offer_id, NULL AS message_id, definition::text AS definition FROM offer
                WHERE upper(definition ->> 'code') = upper(?) ORDER BY offer_id LIMIT 1""", code);
    }

    private Optional<Match> first(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Match(rs.getString("offer_id"), rs.getString("message_id"),
                        json.readValue(rs.getString("definition"), OfferDefinition.class)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the customer last placed an order with a discount that was not a site offering, if after {@code since}. */
    public Optional<Instant> lastDiscountRedeemed(String customerId, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT max(placed_at) FROM offer_redemption
                WHERE customer_id = ? AND status = 'placed' AND NOT site_offering AND placed_at > ?""")) {
            ps.setString(1, customerId);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp last = rs.getTimestamp(1);
                return last == null ? Optional.empty() : Optional.of(last.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public OfferReport report(String offerId) {
        try (Connection c = dataSource.getConnection()) {
            long sent;
            long withheld;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE offer_code IS NOT NULL AND sent_at IS NOT NULL
                               AND state NOT IN ('queued', 'deferred', 'failed', 'suppressed')) AS sent,
                           count(*) FILTER (WHERE offer_withheld IS NOT NULL) AS withheld
                    FROM message WHERE offer_id = ?""")) {
                ps.setString(1, offerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sent = rs.getLong("sent");
                    withheld = rs.getLong("withheld");
                }
            }
            long redeemed = 0;
            long byRecipients = 0;
            long reversed = 0;
            List<OfferReport.Money> money = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT currency, count(*) FILTER (WHERE status = 'placed') AS placed,
                           count(*) FILTER (WHERE status = 'placed' AND message_id IS NOT NULL) AS by_recipients,
                           count(*) FILTER (WHERE status <> 'placed') AS reversed,
                           coalesce(sum(discount) FILTER (WHERE status = 'placed'), 0) AS discount,
                           count(*) FILTER (WHERE status = 'placed' AND discount_estimated) AS estimated,
                           coalesce(sum(total) FILTER (WHERE status = 'placed'), 0) AS revenue
                    FROM offer_redemption WHERE offer_id = ? GROUP BY currency ORDER BY currency""")) {
                ps.setString(1, offerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        redeemed += rs.getLong("placed");
                        byRecipients += rs.getLong("by_recipients");
                        reversed += rs.getLong("reversed");
                        if (rs.getLong("placed") > 0) {
                            money.add(new OfferReport.Money(rs.getString("currency"), rs.getLong("placed"),
                                    rs.getBigDecimal("discount"), rs.getLong("estimated"),
                                    rs.getBigDecimal("revenue")));
                        }
                    }
                }
            }
            return new OfferReport(offerId, sent, withheld, redeemed, byRecipients, reversed,
                    sent == 0 ? null : (double) byRecipients / sent, money);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
