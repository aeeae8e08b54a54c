package io.rekindle.messaging.offer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.messaging.message.QueuedMessage;

/**
 * Puts a message's offer into its variables at send time ({@code vars.offer}), or sends it without and records why:
 * an expired offer, one not for the channel, or one that is not a current site offering when the journey may only
 * carry those, is never sent; a pooled offer draws the message's single-use code,
 * the same one when the send is retried; an empty pool leaves the offer out.
 */
@ApplicationScoped
public class OfferDesk {

    private final Offers offers;
    private final DataSource dataSource;
    private final Clock clock;

    OfferDesk(Offers offers, DataSource dataSource, Clock clock) {
        this.offers = offers;
        this.dataSource = dataSource;
        this.clock = clock;
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

    private void record(String messageId, Integer version, String code, String withheld) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE message SET offer_version = ?, offer_code = ?, offer_withheld = ? WHERE message_id = ?")) {
            if (version == null) {
                ps.setNull(1, Types.INTEGER);
            } else {
                ps.setInt(1, version);
            }
            ps.setString(2, code);
            ps.setString(3, withheld);
            ps.setString(4, messageId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
