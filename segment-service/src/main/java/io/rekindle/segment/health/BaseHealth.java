package io.rekindle.segment.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.config.SegmentConfig;

/**
 * Takes the base's figures each day the full recompute runs and reads them back a week at a time: list size, who
 * can be mailed, how much of it the store's own inactivity segments hold, dirty addresses, erasures so far.
 */
@ApplicationScoped
public class BaseHealth {

    private final DataSource dataSource;
    private final Clock clock;
    private final List<String> inactiveSegments;

    BaseHealth(DataSource dataSource, Clock clock, SegmentConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.inactiveSegments = config.health().inactiveSegments();
    }

    /** Today's figures (UTC day of the service's clock), replacing any taken earlier today. */
    public void takeToday() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO base_health_day (day, customers, reachable, inactive, dirty, erased_total, taken_at)
                SELECT ?, count(*),
                    count(*) FILTER (WHERE email IS NOT NULL AND consent_email AND hygiene_status = 'valid'),
                    (SELECT count(DISTINCT customer_id) FROM segment_member WHERE segment_id = ANY (?)),
                    count(*) FILTER (WHERE hygiene_status IN ('invalid', 'disposable', 'role', 'typo')),
                    (SELECT count(*) FROM erasure WHERE erased_customer), ?
                FROM customer
                ON CONFLICT (day) DO UPDATE SET customers = EXCLUDED.customers, reachable = EXCLUDED.reachable,
                    inactive = EXCLUDED.inactive, dirty = EXCLUDED.dirty, erased_total = EXCLUDED.erased_total,
                    taken_at = EXCLUDED.taken_at""")) {
            ps.setObject(1, today);
            ps.setArray(2, c.createArrayOf("text", inactiveSegments.toArray()));
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last figures of each of the latest {@code weeks} weeks that have any, oldest first. */
    public List<BaseWeek> weekly(int weeks) {
        List<BaseWeek> series = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT * FROM (
                    SELECT DISTINCT ON (date_trunc('week', day)) date_trunc('week', day)::date AS week_start, *
                    FROM base_health_day ORDER BY date_trunc('week', day) DESC, day DESC LIMIT ?) w
                ORDER BY week_start""")) {
            ps.setInt(1, weeks);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    series.add(new BaseWeek(rs.getObject("week_start", LocalDate.class),
                            rs.getObject("day", LocalDate.class), rs.getInt("customers"), rs.getInt("reachable"),
                            rs.getInt("inactive"), rs.getInt("dirty"), rs.getInt("erased_total")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return series;
    }
}
