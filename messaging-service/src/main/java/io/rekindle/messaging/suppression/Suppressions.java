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

    /** An address on a channel. */
    public record Address(Channel channel, String address) {
    }

    /** Why the address is suppressed (an erased customer's: "erased"), or null; joins the caller's transaction. */
    public String reason(Connection c, Channel channel, String address) throws SQLException {
        Address a = new Address(channel, address);
        return reasons(c, java.util.List.of(a)).get(a);
    }

    /** Why each of these addresses is suppressed; those that are not are left out. Joins the caller's transaction. */
    public java.util.Map<Address, String> reasons(Connection c, java.util.Collection<Address> addresses)
            throws SQLException {
        java.util.Map<Address, String> reasons = new java.util.HashMap<>();
        if (addresses.isEmpty()) {
            return reasons;
        }
        java.util.List<Address> list = java.util.List.copyOf(addresses);
        Object[] channels = list.stream().map(a -> a.channel().name().toLowerCase()).toArray();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.n, coalesce(s.reason, 'erased') AS reason FROM unnest(?::text[], ?::text[], ?::text[])
                    WITH ORDINALITY AS a(channel, address, address_hash, n)
                LEFT JOIN suppression s ON s.channel = a.channel AND s.address = a.address
                WHERE s.reason IS NOT NULL OR EXISTS (SELECT 1 FROM erased_address e
                    WHERE e.channel = a.channel AND e.address_hash = a.address_hash)""")) {
            ps.setArray(1, c.createArrayOf("text", channels));
            ps.setArray(2, c.createArrayOf("text", list.stream().map(a -> normalise(a.channel(), a.address())).toArray()));
            ps.setArray(3, c.createArrayOf("text", list.stream().map(a -> hash(a.channel(), a.address())).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reasons.put(list.get(rs.getInt("n") - 1), rs.getString("reason"));
                }
            }
        }
        return reasons;
    }

    /**
     * Suppresses the address (the first reason stays); joins the caller's transaction. An erased customer's address
     * is not stored again: its hash on the erased list already keeps everything from it.
     */
    public void suppress(Connection c, Channel channel, String address, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO suppression (channel, address, reason, created_at) "
                + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM erased_address WHERE channel = ? "
                + "AND address_hash = ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, channel.name().toLowerCase());
            ps.setString(2, normalise(channel, address));
            ps.setString(3, reason);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setString(5, channel.name().toLowerCase());
            ps.setString(6, hash(channel, address));
            ps.executeUpdate();
        }
    }

    /** Those of these addresses that belonged to an erased customer. Joins the caller's transaction. */
    public java.util.Set<Address> erased(Connection c, java.util.Collection<Address> addresses) throws SQLException {
        java.util.Set<Address> erased = new java.util.HashSet<>();
        if (addresses.isEmpty()) {
            return erased;
        }
        java.util.List<Address> list = java.util.List.copyOf(addresses);
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.n FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS a(channel, address_hash, n)
                WHERE EXISTS (SELECT 1 FROM erased_address e
                    WHERE e.channel = a.channel AND e.address_hash = a.address_hash)""")) {
            ps.setArray(1, c.createArrayOf("text", list.stream().map(a -> a.channel().name().toLowerCase()).toArray()));
            ps.setArray(2, c.createArrayOf("text", list.stream().map(a -> hash(a.channel(), a.address())).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    erased.add(list.get(rs.getInt(1) - 1));
                }
            }
        }
        return erased;
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
