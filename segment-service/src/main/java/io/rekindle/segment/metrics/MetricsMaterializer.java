package io.rekindle.segment.metrics;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

import io.rekindle.segment.event.EventTypes;
import io.rekindle.segment.prediction.Potential;

/**
 * Writes customers' figures into customer_metrics, the base of segment rules: for everyone from the store snapshot
 * (the full recompute), or for a few customers from their own orders (after a write). Both use the same
 * {@link PurchaseSummary} and predictions as a read, the last engagement from events, and a bulk COPY.
 */
@ApplicationScoped
public class MetricsMaterializer {

    /** Profiles with their last engagement and last email open; %s restricts the customers. */
    private static final String PROFILES = """
            WITH e AS (
                SELECT customer_id, max(occurred_at) FILTER (WHERE type = ANY (?)) AS engaged_at,
                       max(occurred_at) FILTER (WHERE type = ?) AS opened_at
                FROM event WHERE occurred_at < ? %s GROUP BY customer_id)
            SELECT c.customer_id, e.engaged_at, e.opened_at FROM customer c LEFT JOIN e USING (customer_id) %s
            """;

    /**
     * The columns written, named so that a column a later release adds (with a default) does not break this
     * release's rewrite during a rolling upgrade; {@link #appendRow} writes them in this order.
     */
    private static final String COLUMNS = "customer_id, first_order_at, last_order_at, order_count, revenue, "
            + "average_gap_days, last_category, last_engagement_at, last_email_open_at, p_alive, expected_orders_30, "
            + "expected_orders_90, expected_orders_365, expected_next_order_on, computed_at, value_potential, "
            + "value_potential_discounted, value_current_quintile, value_potential_quintile";

    private static final String UPSERT = """
            INSERT INTO customer_metrics (%1$s) SELECT %1$s FROM metrics_staging
            ON CONFLICT (customer_id) DO UPDATE SET first_order_at = excluded.first_order_at,
                last_order_at = excluded.last_order_at, order_count = excluded.order_count,
                revenue = excluded.revenue, average_gap_days = excluded.average_gap_days,
                last_category = excluded.last_category, last_engagement_at = excluded.last_engagement_at,
                last_email_open_at = excluded.last_email_open_at, p_alive = excluded.p_alive,
                expected_orders_30 = excluded.expected_orders_30, expected_orders_90 = excluded.expected_orders_90,
                expected_orders_365 = excluded.expected_orders_365,
                expected_next_order_on = excluded.expected_next_order_on, computed_at = excluded.computed_at,
                value_potential = excluded.value_potential,
                value_potential_discounted = excluded.value_potential_discounted,
                value_current_quintile = excluded.value_current_quintile,
                value_potential_quintile = excluded.value_potential_quintile""".formatted(COLUMNS);

    private static final int COPY_CHUNK = 20_000;
    private static final Appraisal NO_ORDERS = new Appraisal(PurchaseSummary.NONE, null, null);

    private final DataSource dataSource;
    private final Clock clock;

    MetricsMaterializer(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Every buyer's figures from the store snapshot; customers without an order have none. */
    Map<String, Appraisal> appraise(StoreSnapshot snapshot, Valuation valuation) {
        Map<String, Appraisal> appraisals = new HashMap<>(snapshot.buyers().size() * 2);
        LocalDate day = snapshot.asOf().day();
        snapshot.buyers().forEach(b -> appraisals.put(b.customerId(), valuation.appraise(b.summary(), day)));
        return appraisals;
    }

    /** Rewrites every customer's row; must run in a transaction. Answers how many rows were written. */
    int recomputeAll(AsOf asOf, Map<String, Appraisal> appraisals, Valuation valuation) {
        return write(asOf, appraisals, valuation, null);
    }

    /** Recomputes the rows of these customers now from their own orders; must run in a transaction. */
    public int refresh(List<String> customerIds, Valuation valuation) {
        AsOf asOf = AsOf.now(clock);
        Map<String, Appraisal> appraisals = new HashMap<>();
        String sql = """
                SELECT customer_id, (extract(epoch FROM placed_at) * 1000)::bigint AS placed_ms, total, first_category
                FROM orders
                WHERE status = 'placed' AND customer_id = ANY (?) AND placed_at < ? ORDER BY customer_id, placed_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            ps.setTimestamp(2, Timestamp.from(asOf.until()));
            Map<String, List<Purchase>> purchases = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    purchases.computeIfAbsent(rs.getString("customer_id"), k -> new ArrayList<>()).add(new Purchase(
                            Instant.ofEpochMilli(rs.getLong("placed_ms")), rs.getBigDecimal("total"),
                            rs.getString("first_category")));
                }
            }
            purchases.forEach((id, list) -> appraisals.put(id, valuation.appraise(PurchaseSummary.of(list),
                    asOf.day())));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return write(asOf, appraisals, valuation, customerIds);
    }

    /** Writes the rows of every profile, or of the given customers only (removing rows of erased ones). */
    private int write(AsOf asOf, Map<String, Appraisal> appraisals, Valuation valuation, List<String> only) {
        Instant computedAt = clock.instant();
        String sql = only == null ? PROFILES.formatted("", "")
                : PROFILES.formatted("AND customer_id = ANY (?)", "WHERE c.customer_id = ANY (?)");
        int rows = 0;
        // Everyone: replace the table's contents (fast, but readers wait for this transaction's commit).
        // A few customers: stage and upsert.
        String target = only == null ? "customer_metrics" : "metrics_staging";
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                if (only == null) {
                    s.execute("TRUNCATE customer_metrics");
                } else {
                    s.execute("CREATE TEMP TABLE IF NOT EXISTS metrics_staging (LIKE customer_metrics) ON COMMIT DELETE ROWS");
                    s.execute("DELETE FROM metrics_staging");
                }
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String copyIn = "COPY " + target + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)";
            CopyBinary chunk = new CopyBinary(COPY_CHUNK * 200);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("text", EventTypes.ENGAGEMENT.toArray()));
                ps.setString(2, EventTypes.EMAIL_OPENED);
                ps.setTimestamp(3, Timestamp.from(asOf.until()));
                if (only != null) {
                    ps.setArray(4, c.createArrayOf("text", only.toArray()));
                    ps.setArray(5, c.createArrayOf("text", only.toArray()));
                }
                ps.setFetchSize(COPY_CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Appraisal appraisal = appraisals.getOrDefault(rs.getString("customer_id"), NO_ORDERS);
                        appendRow(chunk, rs, appraisal, valuation, computedAt);
                        rows++;
                        if (chunk.rows() == COPY_CHUNK) {
                            copy.copyIn(copyIn, new ByteArrayInputStream(chunk.toBytes()));
                        }
                    }
                }
            }
            if (chunk.rows() > 0) {
                copy.copyIn(copyIn, new ByteArrayInputStream(chunk.toBytes()));
            }
            if (only == null) {
                return rows;
            }
            String stale = "DELETE FROM customer_metrics m WHERE %s NOT EXISTS "
                    + "(SELECT 1 FROM metrics_staging s WHERE s.customer_id = m.customer_id)";
            try (PreparedStatement ps = c.prepareStatement(stale.formatted("m.customer_id = ANY (?) AND"))) {
                ps.setArray(1, c.createArrayOf("text", only.toArray()));
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute(UPSERT);
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@link #COLUMNS}, in their order. */
    private static void appendRow(CopyBinary out, ResultSet rs, Appraisal appraisal, Valuation valuation,
            Instant computedAt) throws SQLException {
        PurchaseSummary summary = appraisal.summary();
        Prediction prediction = appraisal.prediction();
        Potential potential = appraisal.potential();
        out.row(19)
                .text(rs.getString("customer_id"))
                .timestamp(summary.firstOrderAt())
                .timestamp(summary.lastOrderAt())
                .int4(summary.orderCount())
                .numeric(summary.revenue())
                .float8(summary.averageGapDays())
                .text(summary.lastPurchasedCategory())
                .timestamp(instant(rs.getTimestamp("engaged_at")))
                .timestamp(instant(rs.getTimestamp("opened_at")))
                .float8(prediction == null ? null : prediction.pAlive())
                .float8(prediction == null ? null : prediction.expectedOrders30())
                .float8(prediction == null ? null : prediction.expectedOrders90())
                .float8(prediction == null ? null : prediction.expectedOrders365())
                .date(prediction == null ? null : prediction.expectedNextOrderOn())
                .timestamp(computedAt)
                .float8(potential == null ? null : potential.expectedRevenue())
                .float8(potential == null ? null : potential.discountedRevenue())
                .int2(valuation.currentQuintile(appraisal))
                .int2(valuation.potentialQuintile(appraisal));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
