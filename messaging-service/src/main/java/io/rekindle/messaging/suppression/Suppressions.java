package io.rekindle.messaging.suppression;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.messaging.template.Channel;

/** Addresses never to send to again on a channel (unsubscribed, hard-bounced, complained, STOP), and why. */
@ApplicationScoped
public class Suppressions {

    private final DataSource dataSource;
    private final Clock clock;

    private final String salt;

    Suppressions(DataSource dataSource, Clock clock,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "rekindle.erasure.salt") String salt) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.salt = salt;
    }

    /** Email addresses compare case-insensitively; numbers and tokens as given. */
    public static String normalise(Channel channel, String address) {
        return channel == Channel.EMAIL ? address.trim().toLowerCase(Locale.ROOT) : address.trim();
    }

    /** The salted hash an erased customer's address is kept as. */
    public String hash(Channel channel, String address) {
        return saltedHash(normalise(channel, address));
    }

    /** SHA-256 of the salt and the text, in hex: what is kept instead of something personal. */
    public String saltedHash(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((salt + "|" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the address is suppressed (an erased customer's: "erased"), or null; joins the caller's transaction. */
    public String reason(Connection c, Channel channel, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT reason FROM suppression WHERE channel = ? AND address = ? UNION ALL "
                        + "SELECT 'erased' FROM erased_address WHERE channel = ? AND address_hash = ?")) {
            ps.setString(1, channel.name().toLowerCase());
            ps.setString(2, normalise(channel, address));
            ps.setString(3, channel.name().toLowerCase());
            ps.setString(4, hash(channel, address));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Suppresses the address (the first reason stays); joins the caller's transaction. */
    public void suppress(Connection c, Channel channel, String address, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO suppression (channel, address, reason, created_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, channel.name().toLowerCase());
            ps.setString(2, normalise(channel, address));
            ps.setString(3, reason);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
    }

    @Transactional
    public void suppress(Channel channel, String address, String reason) {
        try (Connection c = dataSource.getConnection()) {
            suppress(c, channel, address, reason);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lifts a suppression (an SMS START after a STOP); answers whether there was one. */
    @Transactional
    public boolean lift(Channel channel, String address) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM suppression WHERE channel = ? AND address = ?")) {
            ps.setString(1, channel.name().toLowerCase());
            ps.setString(2, normalise(channel, address));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String reason(Channel channel, String address) {
        try (Connection c = dataSource.getConnection()) {
            return reason(c, channel, address);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
