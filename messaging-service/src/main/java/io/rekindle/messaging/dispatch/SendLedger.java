package io.rekindle.messaging.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.messaging.message.Category;
import io.rekindle.messaging.message.MessageQueue;
import io.rekindle.messaging.message.MessageState;
import io.rekindle.messaging.message.MessageStore;
import io.rekindle.messaging.message.MessageStore.Sent;
import io.rekindle.messaging.message.MessageStore.Transition;
import io.rekindle.messaging.message.QueuedMessage;
import io.rekindle.messaging.suppression.Suppressions;

/**
 * What the dispatcher writes around a batch of sends, one transaction before and one after: the policy's decisions
 * under the customers' locks (each message to send then holds its recipient, an attempt and its sent_at: the
 * customer's cap slot for marketing, a recent send for the repeat guard), and then what the providers answered.
 */
@ApplicationScoped
class SendLedger {

    private final MessageStore messages;
    private final MessageQueue queue;
    private final Suppressions suppressions;
    private final DroppedSignals dropped;
    private final DataSource dataSource;
    private final Clock clock;

    SendLedger(MessageStore messages, MessageQueue queue, Suppressions suppressions, DroppedSignals dropped, DataSource dataSource,
            Clock clock) {
        this.messages = messages;
        this.queue = queue;
        this.suppressions = suppressions;
        this.dropped = dropped;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Applies the policy to the candidates in order, under their customers' locks, and records the messages that
     * could not go (final states in {@code settled}, retries in {@code retryAt}) in the same transaction. Answers the
     * candidates to send now, and adds the transitions it made to {@code settled}; a message whose lease another
     * worker has taken over is left to that worker.
     */
    @Transactional
    List<Candidate> reserve(List<Candidate> candidates, SendPolicy policy, Duration lease, List<Transition> settled,
            Map<String, Instant> retryAt) {
        Instant now = clock.instant();
        List<Candidate> go = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<QueuedMessage> claimed = candidates.stream().map(Candidate::message).toList();
            lockCustomers(c, claimed);
            Set<String> held = queue.holdLeases(c, claimed, lease);
            Map<Suppressions.Address, String> suppressed = suppressions.reasons(c, candidates.stream()
                    .map(k -> new Suppressions.Address(k.message().channel(), k.recipient())).toList());
            Map<String, Instant> lastSend = lastMarketingSends(c, claimed);
            Map<String, Integer> recentSends = recentSendsOfTemplates(c, claimed, now.minus(policy.repeatWindow()));
            Map<String, Instant> due = new LinkedHashMap<>(retryAt);
            for (Candidate k : candidates) {
                QueuedMessage m = k.message();
                if (!held.contains(m.id())) {
                    // A slow batch outlived its lease and another worker took this message over: it sends it.
                    continue;
                }
                Profile p = k.profile();
                String sendsKey = m.customerId() + '\n' + m.templateId();
                Decision decision = policy.decide(new SendPolicy.Facts(m.channel(), m.category(), m.whenCapped(),
                        consent(k), suppressed.get(new Suppressions.Address(m.channel(), k.recipient())),
                        p == null ? null : p.hygieneStatus(), lastSend.get(m.customerId()),
                        p == null ? ZoneOffset.UTC : p.zone(), p == null ? null : p.country(),
                        recentSends.getOrDefault(sendsKey, 0), m.repeatIntended()), now);
                if (decision instanceof Decision.Suppress s) {
                    settled.add(new Transition(m.id(), MessageState.SUPPRESSED, null, s.reason()));
                } else if (decision instanceof Decision.Defer d) {
                    if (m.state() == MessageState.DEFERRED) {
                        due.put(m.id(), d.until());
                    } else {
                        settled.add(new Transition(m.id(), MessageState.DEFERRED, d.until(), d.reason()));
                    }
                } else {
                    go.add(k);
                    recentSends.merge(sendsKey, 1, Integer::sum);
                    if (m.category() == Category.MARKETING) {
                        lastSend.put(m.customerId(), now);
                    }
                }
            }
            // A message not sent holds no cap slot (one a crashed attempt reserved included).
            clearSlots(c, settled.stream().map(Transition::messageId).toList());
            messages.transitionAll(c, settled);
            dropped.queue(c, settled);
            queue.dueAgain(c, due);
            holdSlots(c, go, now);
            return go;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the providers' answers: the accepted as sent, the rest moved on with their slots given up. */
    @Transactional
    void settle(List<Sent> sent, List<Transition> notSent) {
        try (Connection c = dataSource.getConnection()) {
            messages.sentAll(c, sent);
            clearSlots(c, notSent.stream().map(Transition::messageId).toList());
            messages.transitionAll(c, notSent);
            dropped.queue(c, notSent);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A provider's acceptance that came in after its hand-off timed out: the message is marked sent (its cap slot
     * taken now) if it is still waiting for its retry. Answers false when a retry has claimed it or it went otherwise.
     */
    @Transactional
    boolean acceptLate(Sent sent) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        UPDATE message SET sent_at = coalesce(sent_at, ?)
                        WHERE message_id = ? AND state = 'queued' AND NOT claimed""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, sent.messageId());
            if (ps.executeUpdate() == 0) {
                return false;
            }
            messages.sentAll(c, List.of(sent));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean consent(Candidate k) {
        Profile p = k.profile();
        return p != null && switch (k.message().channel()) {
            case EMAIL -> p.consentEmail();
            case SMS -> p.consentSms();
            case PUSH -> p.consentPush();
        };
    }

    /** Customers' locks in one order (their hashes'), so two workers never wait on each other in a circle. */
    private static void lockCustomers(Connection c, List<QueuedMessage> claimed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT "
                + "hashtextextended(id, 7) AS h FROM unnest(?::text[]) AS u(id) ORDER BY 1) AS locks")) {
            ps.setArray(1, c.createArrayOf("text", claimed.stream().map(QueuedMessage::customerId).toArray()));
            ps.execute();
        }
    }

    /** Each customer's latest marketing send, the batch's own messages left out (they are being decided now). */
    private static Map<String, Instant> lastMarketingSends(Connection c, List<QueuedMessage> claimed)
            throws SQLException {
        Map<String, Instant> last = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, max(sent_at) AS last_sent_at FROM message "
                + "WHERE customer_id = ANY (?) AND category = 'marketing' AND sent_at IS NOT NULL "
                + "AND message_id <> ALL (?) GROUP BY customer_id")) {
            ps.setArray(1, c.createArrayOf("text", claimed.stream().map(QueuedMessage::customerId).distinct().toArray()));
            ps.setArray(2, c.createArrayOf("text", claimed.stream().map(QueuedMessage::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString("customer_id"), rs.getTimestamp("last_sent_at").toInstant());
                }
            }
        }
        return last;
    }

    /**
     * Each (customer, template)'s hand-offs since {@code since}, keyed customer + newline + template; the batch's own
     * messages left out. A hand-off in progress counts: its sent_at is set under the customer's lock.
     */
    private static Map<String, Integer> recentSendsOfTemplates(Connection c, List<QueuedMessage> claimed,
            Instant since) throws SQLException {
        Map<String, Integer> sends = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, template_id, count(*) FROM message "
                + "WHERE customer_id = ANY (?) AND template_id = ANY (?) AND sent_at > ? AND message_id <> ALL (?) "
                + "GROUP BY customer_id, template_id")) {
            ps.setArray(1, c.createArrayOf("text", claimed.stream().map(QueuedMessage::customerId).distinct().toArray()));
            ps.setArray(2, c.createArrayOf("text", claimed.stream().map(QueuedMessage::templateId).distinct().toArray()));
            ps.setTimestamp(3, Timestamp.from(since));
            ps.setArray(4, c.createArrayOf("text", claimed.stream().map(QueuedMessage::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sends.put(rs.getString(1) + '\n' + rs.getString(2), rs.getInt(3));
                }
            }
        }
        return sends;
    }

    private static void holdSlots(Connection c, List<Candidate> go, Instant now) throws SQLException {
        if (go.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE message m SET recipient = g.recipient, "
                + "attempts = attempts + 1, sent_at = ?::timestamptz "
                + "FROM unnest(?::text[], ?::text[]) AS g(id, recipient) WHERE m.message_id = g.id")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", go.stream().map(k -> k.message().id()).toArray()));
            ps.setArray(3, c.createArrayOf("text", go.stream().map(Candidate::recipient).toArray()));
            ps.executeUpdate();
        }
    }

    private static void clearSlots(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE message SET sent_at = NULL WHERE message_id = ANY (?) AND sent_at IS NOT NULL")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.executeUpdate();
        }
    }
}
