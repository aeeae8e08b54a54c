package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The local hour at which a customer most often opens or clicks (from the signals received), or the audience's when
 * they have none; a send that asks for it goes out at the next such hour. Quiet hours stay messaging-service's rule.
 */
@ApplicationScoped
public class BestHour {

    private static final String HOUR_OF = """
            SELECT extract(hour FROM occurred_at AT TIME ZONE ?)::int AS h, count(*) FROM signal
            WHERE type IN ('opened', 'clicked') %s GROUP BY h ORDER BY count(*) DESC, h LIMIT 1""";

    private final DataSource dataSource;

    BestHour(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** When to send: now if this is the hour (or no one has ever opened anything), else the next best hour. */
    public Instant next(String customerId, ZoneId zone, Instant now) {
        OptionalInt hour = hour(customerId, zone);
        if (hour.isEmpty()) {
            hour = hour(null, zone);
        }
        if (hour.isEmpty()) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        if (local.getHour() == hour.getAsInt()) {
            return now;
        }
        ZonedDateTime at = local.truncatedTo(ChronoUnit.DAYS).withHour(hour.getAsInt());
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }

    private OptionalInt hour(String customerId, ZoneId zone) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                HOUR_OF.formatted(customerId == null ? "" : "AND customer_id = ?"))) {
            ps.setString(1, zone.getId());
            if (customerId != null) {
                ps.setString(2, customerId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
