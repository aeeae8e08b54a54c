package io.rekindle.segment.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.segment.outbox.Destination;
import io.rekindle.platform.outbox.Outbox;

import io.rekindle.segment.customer.Customer;

/**
 * GDPR Art. 17: removes everything held about a customer (profile, orders, events, scores) in one transaction,
 * keeps only salted hashes of their identifiers, and tells messaging-, scenario- and survey-service through the outbox.
 */
@ApplicationScoped
public class Erasure {

    private static final List<String> DELETES = List.of(
            "DELETE FROM orders WHERE customer_id = ?",
            "DELETE FROM event WHERE customer_id = ?",
            "DELETE FROM customer_rfm WHERE customer_id = ?",
            "DELETE FROM customer_metrics WHERE customer_id = ?",
            "DELETE FROM customer_reevaluation WHERE customer_id = ?",
            // Memberships and their history go too: the erasure itself tells the other services to forget them.
            "UPDATE segment SET size = size - 1 WHERE segment_id IN (SELECT segment_id FROM segment_member WHERE customer_id = ?)",
            "DELETE FROM segment_member WHERE customer_id = ?",
            "DELETE FROM segment_change WHERE customer_id = ?",
            "DELETE FROM customer WHERE customer_id = ?");

    private final DataSource dataSource;
    private final SubjectHashes hashes;
    private final Clock clock;
    private final Outbox outbox;

    Erasure(DataSource dataSource, SubjectHashes hashes, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** Erases the customer; erasing an unknown or already erased customer is a no-op that still records the id. */
    @Transactional
    public void erase(String customerId) {
        Customer customer = Customer.findById(customerId);
        List<String> subjectHashes = customer == null ? hashes.of(customerId, null, null)
                : hashes.of(customerId, customer.email, customer.phone);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO erasure (subject_hash, erased_at, erased_customer) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")) {
                for (String hash : subjectHashes) {
                    ps.setString(1, hash);
                    ps.setTimestamp(2, Timestamp.from(clock.instant()));
                    // The id's hash comes first: it alone counts the customer, and only if there was one to erase.
                    ps.setBoolean(3, customer != null && hash.equals(subjectHashes.get(0)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String sql : DELETES) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, customerId);
                    ps.executeUpdate();
                }
            }
            // What was still queued for the other services about the customer is not sent after the erasure.
            outbox.forget(c, customerId);
            // They forget the customer too, even if one of them is down right now; messaging-service also gets the
            // hashes of the addresses, to forget suppressions made by address alone (a manual one, an SMS STOP).
            java.util.Map<String, String> addressHashes = new java.util.LinkedHashMap<>();
            if (customer != null) {
                putHash(addressHashes, "email", customer.email);
                putHash(addressHashes, "sms", customer.phone);
                putHash(addressHashes, "push", customer.pushToken);
            }
            for (Destination peer : Destination.ERASURES) {
                java.util.Map<String, Object> erasure = new java.util.LinkedHashMap<>();
                erasure.put("customerId", customerId);
                erasure.put("erasedAt", clock.instant().toString());
                if (peer == Destination.MESSAGING_ERASURES && !addressHashes.isEmpty()) {
                    erasure.put("addressHashes", addressHashes);
                }
                outbox.add(c, peer, erasure);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void putHash(java.util.Map<String, String> hashes, String channel, String address) {
        if (address != null && !address.isBlank()) {
            hashes.put(channel, this.hashes.addressHash(channel, address));
        }
    }

    /** The ids of the profiles whose id, email or phone belonged to an erased customer. */
    public java.util.Set<String> erasedAmong(List<io.rekindle.segment.customer.CustomerProfile> profiles) {
        java.util.Map<String, String> idByHash = new java.util.HashMap<>();
        for (var p : profiles) {
            hashes.of(p.customerId(), p.email(), p.phone()).forEach(h -> idByHash.put(h, p.customerId()));
        }
        java.util.Set<String> erased = new java.util.HashSet<>();
        if (idByHash.isEmpty()) {
            return erased;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT subject_hash FROM erasure WHERE subject_hash = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", idByHash.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    erased.add(idByHash.get(rs.getString(1)));
                }
            }
            return erased;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
