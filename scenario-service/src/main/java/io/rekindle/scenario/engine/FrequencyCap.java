package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
            @ConfigProperty(name = "rekindle.scenarios.frequency-cap") Duration period) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.period = period;
    }

    /** Empty when the slot is ours (now reserved); otherwise when the next one opens. */
    @Transactional
    public Optional<Instant> reserve(String customerId, String sendKey) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO contact (customer_id, last_sent_at, last_key) VALUES (?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET last_sent_at = excluded.last_sent_at, last_key = excluded.last_key
                    WHERE contact.last_key = excluded.last_key OR contact.last_sent_at <= ?
                RETURNING last_key""")) {
            ps.setString(1, customerId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, sendKey);
            ps.setTimestamp(4, Timestamp.from(now.minus(period)));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement last = c.prepareStatement("SELECT last_sent_at FROM contact WHERE customer_id = ?")) {
                last.setString(1, customerId);
                try (ResultSet rs = last.executeQuery()) {
                    rs.next();
                    return Optional.of(rs.getTimestamp(1).toInstant().plus(period));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
