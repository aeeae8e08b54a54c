package io.rekindle.segment.metrics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * RFM over the customers with a counted order in the window. A dimension's score is ceil(5 x cume_dist) with customers
 * ordered from worst to best, so ties share a score; PostgreSQL's cume_dist has exactly that meaning.
 */
@ApplicationScoped
public class RfmScores {

    /** One row per scored customer: customer_id, recency, frequency, monetary, percentile. */
    static final String SCORED = """
            WITH base AS (
                SELECT customer_id, ?::date - max((placed_at AT TIME ZONE 'UTC')::date) AS recency_days,
                       count(*) AS orders, sum(total) AS revenue
                FROM orders
                WHERE status = 'placed' AND placed_at < ? AND placed_at >= ?
                GROUP BY customer_id),
            scored AS (
                SELECT customer_id,
                       ceil(5 * cume_dist() OVER (ORDER BY recency_days DESC))::int AS r,
                       ceil(5 * cume_dist() OVER (ORDER BY orders))::int AS f,
                       ceil(5 * cume_dist() OVER (ORDER BY revenue))::int AS m
                FROM base)
            SELECT customer_id, r, f, m, 100 * cume_dist() OVER (ORDER BY r + f + m) AS percentile FROM scored
            """;

    private final DataSource dataSource;
    private final Duration window;

    RfmScores(DataSource dataSource, @ConfigProperty(name = "rekindle.rfm.window", defaultValue = "P365D") Duration window) {
        this.dataSource = dataSource;
        this.window = window;
    }

    /** Recomputes the stored scores of everyone as of the moment; answers how many customers were scored. */
    @Transactional
    public int recompute(AsOf asOf) {
        try (Connection c = dataSource.getConnection()) {
            try (var delete = c.createStatement()) {
                delete.executeUpdate("DELETE FROM customer_rfm");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer_rfm "
                    + "(customer_id, recency, frequency, monetary, percentile, as_of) SELECT s.*, ?::date FROM ("
                    + SCORED + ") s")) {
                ps.setDate(1, Date.valueOf(asOf.day()));
                bindWindow(ps, 2, asOf);
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored score when {@code computedAsOf} is null, else computed over everyone as of that moment. */
    public Optional<Rfm> of(String customerId, AsOf computedAsOf) {
        String sql = computedAsOf == null
                ? "SELECT recency, frequency, monetary, percentile, as_of FROM customer_rfm WHERE customer_id = ?"
                : "SELECT r, f, m, percentile, ?::date FROM (" + SCORED + ") s WHERE customer_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = 1;
            if (computedAsOf != null) {
                ps.setDate(next++, Date.valueOf(computedAsOf.day()));
                next = bindWindow(ps, next, computedAsOf);
            }
            ps.setString(next, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(Rfm.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4),
                        rs.getDate(5).toLocalDate()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many customers fall in each score and cell as of the moment. */
    public RfmDistribution distribution(AsOf asOf) {
        String sql = "SELECT r, f, m, count(*) FROM (" + SCORED + ") s GROUP BY r, f, m";
        RfmDistribution.Builder builder = new RfmDistribution.Builder(asOf.day(), window);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindWindow(ps, 1, asOf);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    builder.add(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4));
                }
            }
            return builder.build();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int bindWindow(PreparedStatement ps, int index, AsOf asOf) throws SQLException {
        ps.setDate(index, Date.valueOf(asOf.day()));
        ps.setTimestamp(index + 1, Timestamp.from(asOf.until()));
        ps.setTimestamp(index + 2, Timestamp.from(asOf.until().minus(window)));
        return index + 3;
    }
}
