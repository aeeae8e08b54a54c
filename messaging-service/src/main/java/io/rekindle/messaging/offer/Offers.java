package io.rekindle.messaging.offer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores offers, each save a new version, and their pools of single-use codes. */
@ApplicationScoped
public class Offers {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    Offers(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** The saved version; {@code created} when the offer is new. */
    public record Saved(int version, boolean created) {
    }

    @Transactional
    public Saved save(String offerId, OfferDefinition definition) {
        String text = write(definition);
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            int version;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO offer (offer_id, version, definition, updated_at) VALUES (?, 1, ?::jsonb, ?)
                    ON CONFLICT (offer_id) DO UPDATE SET version = offer.version + 1,
                        definition = EXCLUDED.definition, updated_at = EXCLUDED.updated_at
                    RETURNING version""")) {
                ps.setString(1, offerId);
                ps.setString(2, text);
                ps.setTimestamp(3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO offer_version (offer_id, version, definition, saved_at) VALUES (?, ?, ?::jsonb, ?)")) {
                ps.setString(1, offerId);
                ps.setInt(2, version);
                ps.setString(3, text);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
            return new Saved(version, version == 1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An offer's current version and definition, without counting its pool: what a send or a check needs. */
    public record Current(int version, OfferDefinition definition) {
    }

    public Optional<Current> current(String offerId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT version, definition::text AS definition FROM offer WHERE offer_id = ?")) {
            ps.setString(1, offerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Current(rs.getInt("version"), read(rs.getString("definition"))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<OfferView> find(String offerId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT o.version, o.definition::text AS definition,
                    (SELECT count(*) FROM offer_code k WHERE k.offer_id = o.offer_id AND k.message_id IS NULL) AS free,
                    (SELECT count(*) FROM offer_code k WHERE k.offer_id = o.offer_id AND k.message_id IS NOT NULL)
                        AS drawn
                FROM offer o WHERE o.offer_id = ?""")) {
            ps.setString(1, offerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OfferView(offerId, rs.getInt("version"), read(rs.getString("definition")),
                        rs.getLong("free"), rs.getLong("drawn")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds codes to the offer's pool; a code already there is not added again. The number added. */
    public int addCodes(String offerId, List<String> codes) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO offer_code (offer_id, code) SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, offerId);
            ps.setArray(2, c.createArrayOf("text", codes.toArray()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The single-use code of this message: the one it drew before (a retried send), else the next free one, taken
     * under a row lock that other senders skip, so two senders never draw the same code. Empty when the pool is empty.
     */
    public Optional<String> draw(String offerId, String messageId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code FROM offer_code WHERE offer_id = ? AND message_id = ?")) {
                ps.setString(1, offerId);
                ps.setString(2, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE offer_code SET message_id = ?, assigned_at = ?
                    WHERE (offer_id, code) = (SELECT offer_id, code FROM offer_code
                        WHERE offer_id = ? AND message_id IS NULL ORDER BY code LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING code""")) {
                ps.setString(1, messageId);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setString(3, offerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(OfferDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OfferDefinition read(String text) {
        try {
            return json.readValue(text, OfferDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
