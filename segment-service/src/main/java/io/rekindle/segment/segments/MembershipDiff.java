package io.rekindle.segment.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.platform.tracing.Traces;

/**
 * Brings a segment's stored members in line with its rule: diffs the rule's current result against the members and
 * appends who entered and who left to the change feed in the caller's transaction, under a lock held to commit, so
 * the feed's order is the commit order. Each evaluation also queues the customer for the next moment time alone can
 * change a result (a day threshold passed, an event leaving its window), so memberships stay current without
 * rescanning everyone.
 */
@ApplicationScoped
class MembershipDiff {

    private static final long CHANGE_LOCK = 0x5345_474d_4348_4731L;

    private final Traces traces;

    MembershipDiff(Traces traces) {
        this.traces = traces;
    }

    /** Diffs the rule's result (for everyone, or for {@code only}) against the members and records the changes. */
    int apply(Connection c, SegmentView segment, Instant now, List<String> only) throws SQLException {
        CompiledRule compiled = RuleCompiler.compile(segment.rule());
        String id = segment.id();
        try (Statement s = c.createStatement()) {
            // No index: filled in no particular order, a million-row B-tree in the session's small temp buffers
            // cost more than the hash joins that read the table.
            s.execute("CREATE TEMP TABLE IF NOT EXISTS segment_target (customer_id TEXT) ON COMMIT DELETE ROWS");
            s.execute("DELETE FROM segment_target");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO segment_target SELECT c.customer_id FROM "
                + Segments.BASE + " WHERE " + (only == null ? "" : "c.customer_id = ANY (?) AND ") + compiled.sql())) {
            int next = 1;
            if (only != null) {
                ps.setArray(next++, c.createArrayOf("text", only.toArray()));
            }
            compiled.bind(ps, next, now);
            ps.executeUpdate();
        }
        if (only == null) {
            try (Statement s = c.createStatement()) {
                // Temp tables get no automatic statistics; without them the planner takes a million rows for a few.
                s.execute("ANALYZE segment_target");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + CHANGE_LOCK + ")");
        }
        int entered = 0;
        int exited = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                WITH entered AS (
                    INSERT INTO segment_member (segment_id, customer_id, since)
                    SELECT ?, t.customer_id, ? FROM segment_target t
                    WHERE NOT EXISTS (SELECT 1 FROM segment_member m WHERE m.segment_id = ? AND m.customer_id = t.customer_id)
                    RETURNING customer_id),
                exited AS (
                    DELETE FROM segment_member m WHERE m.segment_id = ? %s
                    AND NOT EXISTS (SELECT 1 FROM segment_target t WHERE t.customer_id = m.customer_id)
                    RETURNING customer_id)
                INSERT INTO segment_change (segment_id, customer_id, kind, at, traceparent)
                SELECT ?, customer_id, kind, ?, ? FROM (
                    SELECT customer_id, 'exited' AS kind FROM exited
                    UNION ALL SELECT customer_id, 'entered' FROM entered) d
                ORDER BY customer_id, kind DESC
                RETURNING kind
                """.formatted(only == null ? "" : "AND m.customer_id = ANY (?)"))) {
            Timestamp at = Timestamp.from(now);
            int i = 1;
            ps.setString(i++, id);
            ps.setTimestamp(i++, at);
            ps.setString(i++, id);
            ps.setString(i++, id);
            if (only != null) {
                ps.setArray(i++, c.createArrayOf("text", only.toArray()));
            }
            ps.setString(i++, id);
            ps.setTimestamp(i++, at);
            ps.setString(i, traces.current());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("entered".equals(rs.getString(1))) {
                        entered++;
                    } else {
                        exited++;
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE segment SET size = size + ?, computed_at = ? "
                + "WHERE segment_id = ?")) {
            ps.setInt(1, entered - exited);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, id);
            ps.executeUpdate();
        }
        return entered + exited;
    }

    /**
     * Queues each customer (all, or {@code only}) for re-evaluation at the next moment time alone can change their
     * membership in one of these segments, keeping an earlier due time already queued. OFFSET 0 keeps the
     * planner from inlining the subquery, which would compute each customer's moment twice (filter and output).
     */
    void scheduleNextChanges(Connection c, List<SegmentView> of, Instant now, List<String> only)
            throws SQLException {
        List<CompiledRule> timed = of.stream().map(s -> RuleCompiler.compile(s.rule()))
                .filter(r -> r.nextChangeSql() != null).toList();
        if (timed.isEmpty()) {
            return;
        }
        String next = timed.size() == 1 ? timed.get(0).nextChangeSql()
                : "least(" + String.join(", ", timed.stream().map(CompiledRule::nextChangeSql).toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO customer_reevaluation (customer_id, due_at)
                SELECT customer_id, at FROM (SELECT c.customer_id, %s AS at FROM %s %s OFFSET 0) n
                WHERE at IS NOT NULL
                ORDER BY customer_id
                ON CONFLICT (customer_id) DO UPDATE SET due_at = excluded.due_at
                WHERE excluded.due_at < customer_reevaluation.due_at
                """.formatted(next, Segments.BASE, only == null ? "" : "WHERE c.customer_id = ANY (?)"))) {
            int index = 1;
            for (CompiledRule rule : timed) {
                index = rule.bindNextChange(ps, index, now);
            }
            if (only != null) {
                ps.setArray(index, c.createArrayOf("text", only.toArray()));
            }
            ps.executeUpdate();
        }
    }
}
