package io.rekindle.messaging.offer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rekindle.messaging.config.MessagingConfig;
import io.rekindle.messaging.message.Attribution;
import io.rekindle.messaging.outbox.Destination;
import io.rekindle.platform.outbox.Outbox;
import io.rekindle.messaging.message.QueuedMessage;

/**
 * Puts a message's offer into its variables at send time ({@code vars.offer}), or sends it without and records why:
 * an expired offer, one not for the channel, or one that is not a current site offering when the journey may only
 * carry those, is never sent; nor is a discount beyond the site's to a customer who redeemed one within the rest
 * period (smart exposure capping); a pooled offer draws the message's single-use code, the same one when the send is
 * retried; an empty pool leaves the offer out.
 */
@ApplicationScoped
public class OfferDesk {

    private final Offers offers;
    private final Redemptions redemptions;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration rest;
    private final Outbox outbox;
    private final ObjectMapper json;

    OfferDesk(Offers offers, Redemptions redemptions, DataSource dataSource, Clock clock, MessagingConfig config,
            Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
        this.offers = offers;
        this.redemptions = redemptions;
        this.dataSource = dataSource;
        this.clock = clock;
        this.rest = config.offers().discountRestAfterRedemption();
    }

    /** The variables the message's template is rendered with. */
    public Map<String, Object> variables(QueuedMessage m) {
        if (m.offerId() == null) {
            return m.variables();
        }
        Optional<Offers.Current> found = offers.current(m.offerId());
        if (found.isEmpty()) {
            record(m.id(), null, null, "no offer '" + m.offerId() + "' any more");
            return m.variables();
        }
        Offers.Current offer = found.get();
        OfferDefinition definition = offer.definition();
        Instant now = clock.instant();
        String withheld = definition.withheldReason(m.channel(), now, m.offerSiteOnly());
        if (withheld == null && !definition.siteOffering() && !rest.isZero()) {
            withheld = redemptions.lastDiscountRedeemed(m.customerId(), now.minus(rest))
                    .map(at -> "redeemed a discount on " + at.atOffset(ZoneOffset.UTC).toLocalDate()
                            + "; none beyond the site's before " + at.plus(rest).atOffset(ZoneOffset.UTC).toLocalDate())
                    .orElse(null);
        }
        String code = null;
        if (withheld == null) {
            code = definition.pooled() ? offers.draw(m.offerId(), m.id()).orElse(null) : definition.code();
            if (code == null) {
                withheld = "the pool of single-use codes is empty";
            }
        }
        record(m.id(), offer.version(), code, withheld);
        if (withheld != null) {
            return m.variables();
        }
        Map<String, Object> variables = new LinkedHashMap<>(m.variables());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("code", code);
        shown.put("name", definition.name());
        shown.put("kind", definition.kind().name().toLowerCase());
        shown.put("value", definition.value() == null ? null : plain(definition.value()));
        shown.put("validUntil", definition.validUntil().toString());
        variables.put("offer", shown);
        return variables;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Records on the message what it carried, and when it went without its offer tells the scenario that asked for it
     * (an {@code offer_withheld} signal with the reason, counted at its step in the scenario's report), both in one
     * transaction; a retried send signals under the same id, so the scenario counts it once.
     */
    void record(String messageId, Integer version, String code, String withheld) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    UPDATE message SET offer_version = ?, offer_code = ?, offer_withheld = ? WHERE message_id = ?
                    RETURNING customer_id, offer_id, attribution::text AS attribution""")) {
                if (version == null) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setInt(1, version);
                }
                ps.setString(2, code);
                ps.setString(3, withheld);
                ps.setString(4, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (withheld != null && rs.next()) {
                        Map<?, ?> attribution = Attribution.forSignal(json, rs.getString("attribution"));
                        if (attribution.get("scenario") != null) {
                            outbox.add(c, Destination.SCENARIO_SIGNALS, withheldSignal(messageId,
                                    rs.getString("customer_id"), rs.getString("offer_id"), attribution, withheld));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Map<String, Object> withheldSignal(String messageId, String customerId, String offerId,
            Map<?, ?> attribution, String reason) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("signalId", "offer-withheld-" + messageId);
        signal.put("customerId", customerId);
        signal.put("type", "offer_withheld");
        signal.put("occurredAt", clock.instant().toString());
        signal.put("attribution", attribution);
        signal.put("properties", Map.of("messageId", messageId, "offerId", offerId, "reason", reason));
        return signal;
    }
}
