package io.rekindle.segment.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Who is in a segment now, and the feed of who entered and who left, in the order it happened. */
@ApplicationScoped
public class Memberships {

    private final DataSource dataSource;

    Memberships(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** When the customer entered the segment, if they are a member now. */
    public Optional<Instant> memberSince(String segmentId, String customerId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT since FROM segment_member WHERE segment_id = ? AND customer_id = ?")) {
            ps.setString(1, segmentId);
            ps.setString(2, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp("since").toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public MemberPage members(String id, String after, int limit) {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id FROM segment_member WHERE segment_id = ? AND customer_id > ? "
                        + "ORDER BY customer_id LIMIT ?")) {
            ps.setString(1, id);
            ps.setString(2, after == null ? "" : after);
            ps.setInt(3, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString("customer_id"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        boolean more = ids.size() > limit;
        List<String> page = more ? ids.subList(0, limit) : ids;
        return new MemberPage(List.copyOf(page), more ? page.get(page.size() - 1) : null);
    }

    public ChangePage changes(String id, long after, int limit) {
        return changes(List.of(id), after, limit);
    }

    /** The changes of any of these segments after the cursor, in feed order. */
    public ChangePage changes(List<String> segmentIds, long after, int limit) {
        List<Change> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, segment_id, customer_id, kind, at, traceparent FROM segment_change WHERE segment_id = ANY (?) "
                        + "AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("text", segmentIds.toArray()));
            ps.setLong(2, after);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(Long.toString(rs.getLong("seq")), rs.getString("segment_id"),
                            rs.getString("customer_id"), ChangeKind.of(rs.getString("kind")),
                            rs.getTimestamp("at").toInstant(), rs.getString("traceparent")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String next = changes.isEmpty() ? Long.toString(after) : changes.get(changes.size() - 1).cursor();
        return new ChangePage(changes, next);
    }

    /** The cursor of the newest change (0 when the feed is empty): where a consumer starting "now" begins. */
    public long latestCursor() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM segment_change")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
