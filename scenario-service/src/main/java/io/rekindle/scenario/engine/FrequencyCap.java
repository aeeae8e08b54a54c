package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.scenario.config.ScenarioConfig;


/**
 * At most one re-engagement message per customer per period across all scenarios. A send reserves the slot before it
 * goes out, atomically; its own retry (same key, after a crash) keeps the slot. A capped send waits for the next slot.
 */
@ApplicationScoped
public class FrequencyCap {

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration period;

    FrequencyCap(DataSource dataSource, Clock clock,
            ScenarioConfig config) {
        Duration period = config.frequencyCap();
        this.dataSource = dataSource;
        this.clock = clock;
        this.period = period;
    }

    /** A send asking for its customer's slot. */
    public record Ask(String customerId, String sendKey) {
    }

    /**
     * For each send in order, in one transaction: empty when the slot is ours (now reserved), otherwise when the next
     * one opens. Of two sends for one customer, the first gets the slot.
     */
    @Transactional
    public List<Optional<Instant>> reserveAll(List<Ask> asks) {
        Instant now = clock.instant();
        List<Optional<Instant>> slots = new ArrayList<>(asks.size());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO contact (customer_id, last_sent_at, last_key) VALUES (?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET last_sent_at = excluded.last_sent_at, last_key = excluded.last_key
                    WHERE contact.last_key = excluded.last_key OR contact.last_sent_at <= ?
                RETURNING last_key""");
                PreparedStatement last = c.prepareStatement("SELECT last_sent_at FROM contact WHERE customer_id = ?")) {
            for (Ask ask : asks) {
                ps.setString(1, ask.customerId());
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, ask.sendKey());
                ps.setTimestamp(4, Timestamp.from(now.minus(period)));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        slots.add(Optional.empty());
                        continue;
                    }
                }
                last.setString(1, ask.customerId());
                try (ResultSet rs = last.executeQuery()) {
                    rs.next();
                    slots.add(Optional.of(rs.getTimestamp(1).toInstant().plus(period)));
                }
            }
            return slots;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
