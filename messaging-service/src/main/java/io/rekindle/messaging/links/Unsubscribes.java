package io.rekindle.messaging.links;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.messaging.template.Channel;
import io.rekindle.messaging.webhook.EngagementEvents;
import io.rekindle.messaging.webhook.ProviderEvent;

/** An unsubscribe from a message's link: the address is suppressed on that channel and the message says so. */
@ApplicationScoped
public class Unsubscribes {

    private final DataSource dataSource;
    private final EngagementEvents events;
    private final Clock clock;

    Unsubscribes(DataSource dataSource, EngagementEvents events, Clock clock) {
        this.dataSource = dataSource;
        this.events = events;
        this.clock = clock;
    }

    /** Answers false when the message is unknown or was never addressed. Repeating it changes nothing more. */
    @Transactional
    public boolean unsubscribe(String messageId) {
        try (Connection c = dataSource.getConnection()) {
            String channel;
            String recipient;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT channel, recipient FROM message WHERE message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString("recipient") == null) {
                        return false;
                    }
                    channel = rs.getString("channel");
                    recipient = rs.getString("recipient");
                }
            }
            // As any provider's unsubscribe event: suppressed at once, the message's state, segment- and
            // scenario-service told through the outbox; the event id makes a repeat change nothing.
            events.ingest(List.of(new ProviderEvent("rekindle", "unsubscribe:" + messageId, messageId, null,
                    Channel.valueOf(channel.toUpperCase()), "unsubscribed", null, recipient, null,
                    "one-click unsubscribe", clock.instant())), "rekindle", null, null);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
