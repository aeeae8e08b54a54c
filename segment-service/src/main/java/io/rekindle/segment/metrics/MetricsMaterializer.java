package io.rekindle.segment.metrics;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

import io.rekindle.segment.event.EventTypes;
import io.rekindle.segment.prediction.BgNbdModel;
import io.rekindle.segment.prediction.StoredModel;

/**
 * Writes every customer's figures into customer_metrics: one aggregate query over orders and events, the same
 * predictions as on read, and a bulk COPY. Used by the full recompute.
 */
@ApplicationScoped
public class MetricsMaterializer {

    /** Per customer: orders aggregated (only placed ones count) and the last engagement, joined to every profile. */
    private static final String AGGREGATES = """
            WITH o AS (
                SELECT customer_id, min(placed_at) AS first_at, max(placed_at) AS last_at, count(*) AS n,
                       sum(total) AS revenue, count(DISTINCT (placed_at AT TIME ZONE 'UTC')::date) AS days,
                       (array_agg(items -> 0 ->> 'category' ORDER BY placed_at DESC))[1] AS last_category
                FROM orders WHERE status = 'placed' AND placed_at < ? GROUP BY customer_id),
            e AS (
                SELECT customer_id, max(occurred_at) FILTER (WHERE type = ANY (?)) AS engaged_at,
                       max(occurred_at) FILTER (WHERE type = ?) AS opened_at
                FROM event WHERE occurred_at < ? GROUP BY customer_id)
            SELECT c.customer_id, o.first_at, o.last_at, coalesce(o.n, 0), coalesce(o.revenue, 0), o.days,
                   o.last_category, e.engaged_at, e.opened_at
            FROM customer c LEFT JOIN o USING (customer_id) LEFT JOIN e USING (customer_id)
            """;

    private static final int COPY_CHUNK = 20_000;

    private final DataSource dataSource;
    private final Clock clock;

    MetricsMaterializer(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Recomputes every customer's row; must run in a transaction. Answers how many rows were written. */
    public int recomputeAll(AsOf asOf, Optional<StoredModel> model) {
        BgNbdModel bgnbd = model.map(StoredModel::model).orElse(null);
        LocalDate modelAsOf = model.map(StoredModel::asOf).orElse(null);
        String computedAt = clock.instant().toString();
        int rows = 0;
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE metrics_staging (LIKE customer_metrics) ON COMMIT DROP");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder(COPY_CHUNK * 160);
            int inChunk = 0;
            try (PreparedStatement ps = c.prepareStatement(AGGREGATES)) {
                ps.setTimestamp(1, Timestamp.from(asOf.until()));
                ps.setArray(2, c.createArrayOf("text", EventTypes.ENGAGEMENT.toArray()));
                ps.setString(3, EventTypes.EMAIL_OPENED);
                ps.setTimestamp(4, Timestamp.from(asOf.until()));
                ps.setFetchSize(COPY_CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        appendRow(chunk, rs, asOf, bgnbd, modelAsOf, computedAt);
                        rows++;
                        if (++inChunk == COPY_CHUNK) {
                            copy.copyIn("COPY metrics_staging FROM STDIN", new StringReader(chunk.toString()));
                            chunk.setLength(0);
                            inChunk = 0;
                        }
                    }
                }
            }
            if (inChunk > 0) {
                copy.copyIn("COPY metrics_staging FROM STDIN", new StringReader(chunk.toString()));
            }
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM customer_metrics m WHERE NOT EXISTS "
                        + "(SELECT 1 FROM metrics_staging s WHERE s.customer_id = m.customer_id)");
                s.execute("""
                        INSERT INTO customer_metrics SELECT * FROM metrics_staging
                        ON CONFLICT (customer_id) DO UPDATE SET first_order_at = excluded.first_order_at,
                            last_order_at = excluded.last_order_at, order_count = excluded.order_count,
                            revenue = excluded.revenue, average_gap_days = excluded.average_gap_days,
                            last_category = excluded.last_category, last_engagement_at = excluded.last_engagement_at,
                            last_email_open_at = excluded.last_email_open_at, p_alive = excluded.p_alive,
                            expected_orders_30 = excluded.expected_orders_30,
                            expected_orders_90 = excluded.expected_orders_90,
                            expected_orders_365 = excluded.expected_orders_365,
                            expected_next_order_on = excluded.expected_next_order_on,
                            computed_at = excluded.computed_at""");
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendRow(StringBuilder out, ResultSet rs, AsOf asOf, BgNbdModel model, LocalDate modelAsOf,
            String computedAt) throws SQLException {
        Instant first = instant(rs.getTimestamp(2));
        Instant last = instant(rs.getTimestamp(3));
        int count = rs.getInt(4);
        PurchaseSummary summary = PurchaseSummary.ofAggregates(first, last, count, rs.getBigDecimal(5), rs.getInt(6),
                rs.getString(7));
        Prediction prediction = model == null ? null
                : summary.history(asOf.day()).map(h -> Prediction.of(model, h, summary.lastPurchaseDay(), modelAsOf))
                        .orElse(null);
        field(out, rs.getString(1));
        field(out, first);
        field(out, last);
        field(out, count);
        field(out, summary.revenue());
        field(out, summary.averageGapDays());
        field(out, summary.lastPurchasedCategory());
        field(out, instant(rs.getTimestamp(8)));
        field(out, instant(rs.getTimestamp(9)));
        field(out, prediction == null ? null : prediction.pAlive());
        field(out, prediction == null ? null : prediction.expectedOrders30());
        field(out, prediction == null ? null : prediction.expectedOrders90());
        field(out, prediction == null ? null : prediction.expectedOrders365());
        field(out, prediction == null ? null : prediction.expectedNextOrderOn());
        out.append(computedAt).append('\n');
    }

    /** One COPY text-format field and its tab; text is escaped as COPY requires. */
    private static void field(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        } else {
            out.append(value);
        }
        out.append('\t');
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
