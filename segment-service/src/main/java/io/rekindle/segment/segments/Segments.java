package io.rekindle.segment.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.segment.metrics.StorePassMemory;

/**
 * Segment definitions and their materialised memberships: saving a segment recomputes its members, and a change to
 * a customer's data re-evaluates every segment for them ({@link MembershipDiff} records who entered and who left).
 */
@ApplicationScoped
public class Segments {

    /** The base every rule reads: every profile with its figures. */
    static final String BASE = "customer c LEFT JOIN customer_metrics m USING (customer_id) "
            + "LEFT JOIN customer_rfm r USING (customer_id)";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MembershipDiff diff;
    private final StorePassMemory memory;

    Segments(DataSource dataSource, ObjectMapper mapper, Clock clock, MembershipDiff diff, StorePassMemory memory) {
        this.memory = memory;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
        this.diff = diff;
    }

    public Preview preview(JsonNode rule, int sampleSize) {
        CompiledRule compiled = RuleCompiler.compile(rule);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + BASE + " WHERE " + compiled.sql())) {
                compiled.bind(ps, 1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            List<String> sample = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.customer_id FROM " + BASE + " WHERE "
                    + compiled.sql() + " ORDER BY c.customer_id LIMIT ?")) {
                int next = compiled.bind(ps, 1, now);
                ps.setInt(next, sampleSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sample.add(rs.getString(1));
                    }
                }
            }
            return new Preview(count, sample);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates, stores and computes the members of a new segment. */
    @Transactional
    public SegmentView create(SegmentDefinition definition) {
        return save("seg-" + UUID.randomUUID(), definition, false);
    }

    /** The advisory lock between saving a segment (exclusive) and re-evaluating customers (shared). */
    static final long DEFINITIONS_LOCK = 0x5e6d_e71eL;

    /** Takes the definitions lock for the rest of the caller's transaction. */
    static void lockDefinitions(Connection c, boolean shared) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(shared ? "SELECT pg_advisory_xact_lock_shared(?)"
                : "SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, DEFINITIONS_LOCK);
            ps.executeQuery().close();
        }
    }

    /**
     * Creates or replaces the segment with this id and recomputes its members. It waits for the re-evaluation batches
     * in flight ({@link Reevaluations#drainBatch}), so its members come from committed figures, and customers still
     * queued are evaluated for it when their turn comes.
     */
    @Transactional
    public SegmentView save(String id, SegmentDefinition definition, boolean builtIn) {
        RuleCompiler.compile(definition.rule());
        try (Connection c = dataSource.getConnection()) {
            lockDefinitions(c, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        String sql = """
                INSERT INTO segment (segment_id, name, description, rule, built_in, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (segment_id) DO UPDATE SET name = excluded.name, description = excluded.description,
                    rule = excluded.rule, updated_at = excluded.updated_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, definition.name());
            ps.setString(3, definition.description());
            ps.setString(4, mapper.writeValueAsString(definition.rule()));
            ps.setBoolean(5, builtIn);
            ps.setTimestamp(6, now);
            ps.setTimestamp(7, now);
            ps.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        recompute(id);
        return find(id).orElseThrow();
    }

    /** Inserts a built-in segment unless one with that id exists (so an edited built-in keeps its edits). */
    @Transactional
    public boolean installIfMissing(String id, SegmentDefinition definition) {
        if (find(id).isPresent()) {
            return false;
        }
        save(id, definition, true);
        return true;
    }

    public Optional<SegmentView> find(String id) {
        return query("WHERE segment_id = ?", id).stream().findFirst();
    }

    public List<SegmentView> all() {
        return query("ORDER BY built_in DESC, name", null);
    }

    /**
     * Brings the stored members in line with the rule now; answers the number of changes. Changes are appended under
     * a lock held to commit, so the feed's order is the commit order.
     */
    @Transactional
    public int recompute(String id) {
        return recompute(id, true);
    }

    /**
     * Recomputes one segment; with {@code schedule}, also schedules each customer's next time-driven re-evaluation
     * for it (the full recompute schedules once for all segments instead).
     */
    @Transactional
    public int recompute(String id, boolean schedule) {
        SegmentView segment = find(id).orElseThrow(() -> new IllegalArgumentException("no segment " + id));
        memory.widen();
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            int changes = diff.apply(c, segment, now, null);
            if (schedule) {
                diff.scheduleNextChanges(c, List.of(segment), now, null);
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Schedules every customer's next time-driven re-evaluation over all segments. */
    @Transactional
    public void scheduleNextChanges() {
        memory.widen();
        try (Connection c = dataSource.getConnection()) {
            diff.scheduleNextChanges(c, all(), clock.instant(), null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Re-evaluates every segment for these customers only (after their data changed); answers the changes. */
    @Transactional
    public int reevaluate(List<String> customerIds) {
        Instant now = clock.instant();
        int changes = 0;
        try (Connection c = dataSource.getConnection()) {
            List<SegmentView> segments = all();
            for (SegmentView segment : segments) {
                changes += diff.apply(c, segment, now, customerIds);
            }
            diff.scheduleNextChanges(c, segments, now, customerIds);
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SegmentView> query(String where, String parameter) {
        List<SegmentView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT segment_id, name, description, rule, built_in, size, computed_at, updated_at FROM segment "
                        + where)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp computed = rs.getTimestamp("computed_at");
                    views.add(new SegmentView(rs.getString("segment_id"), rs.getString("name"),
                            rs.getString("description"), mapper.readTree(rs.getString("rule")),
                            rs.getBoolean("built_in"), rs.getInt("size"),
                            computed == null ? null : computed.toInstant(), rs.getTimestamp("updated_at").toInstant()));
                }
            }
            return views;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
