package io.rekindle.segment.recommendation;

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

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.config.SegmentConfig;


/**
 * Units sold per product over the recent window. Summing every order line of the window takes a few hundred
 * milliseconds in a store of some size, and every message with recommendations needs the ranking: it is computed
 * once and kept until this replica stores orders, the window moves on by an hour, or a minute has passed (orders
 * stored through another replica).
 */
@ApplicationScoped
public class Bestsellers {

    private static final Duration MOVE = Duration.ofHours(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration window;
    private final Duration keep;
    private volatile Ranking ranking;

    Bestsellers(DataSource dataSource, Clock clock,
            SegmentConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.window = config.recommendations().bestsellerWindow();
        this.keep = config.recommendations().bestsellerRefresh();
    }

    /** Units sold per SKU since the window's start, as the two parallel arrays a query binds. */
    public Ranking ranking() {
        Instant since = clock.instant().minus(window);
        Ranking current = ranking;
        if (current == null || !current.fresh(since, keep)) {
            current = count(since);
            ranking = current;
        }
        return current;
    }

    /** Orders were stored: the next ranking counts them. */
    public void forget() {
        ranking = null;
    }

    private Ranking count(Instant since) {
        List<String> skus = new ArrayList<>();
        List<Long> units = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT i ->> 'sku' AS sku, sum(coalesce((i ->> 'quantity')::int, 1)) AS units
                FROM orders o CROSS JOIN jsonb_array_elements(o.items) i
                WHERE o.status = 'placed' AND o.placed_at >= ? AND i ->> 'sku' IS NOT NULL
                GROUP BY 1""")) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    skus.add(rs.getString("sku"));
                    units.add(rs.getLong("units"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Ranking(since, System.nanoTime(), skus.toArray(String[]::new), units.toArray(Long[]::new));
    }

    /** What was counted since {@code since}: {@code units[i]} of {@code skus[i]}. */
    public record Ranking(Instant since, long computedAt, String[] skus, Long[] units) {

        boolean fresh(Instant windowStart, Duration keep) {
            return !windowStart.isBefore(since) && Duration.between(since, windowStart).compareTo(MOVE) < 0
                    && System.nanoTime() - computedAt < keep.toNanos();
        }
    }
}
