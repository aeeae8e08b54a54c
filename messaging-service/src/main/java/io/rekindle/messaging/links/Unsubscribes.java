package io.rekindle.messaging.links;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.messaging.message.MessageStore;
import io.rekindle.messaging.suppression.Suppressions;
import io.rekindle.messaging.template.Channel;

/** An unsubscribe from a message's link: the address is suppressed on that channel and the message says so. */
@ApplicationScoped
public class Unsubscribes {

    private final DataSource dataSource;
    private final Suppressions suppressions;
    private final MessageStore messages;

    Unsubscribes(DataSource dataSource, Suppressions suppressions, MessageStore messages) {
        this.dataSource = dataSource;
        this.suppressions = suppressions;
        this.messages = messages;
    }

    /** Answers false when the message is unknown or was never addressed. Repeating it changes nothing more. */
    @Transactional
    public boolean unsubscribe(String messageId) {
        try (Connection c = dataSource.getConnection()) {
            String channel;
            String recipient;
            String state;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT channel, recipient, state FROM message WHERE message_id = ? FOR UPDATE")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(2) == null) {
                        return false;
                    }
                    channel = rs.getString(1);
                    recipient = rs.getString(2);
                    state = rs.getString(3);
                }
            }
            suppressions.suppress(c, Channel.valueOf(channel.toUpperCase()), recipient, "unsubscribed");
            if (!"unsubscribed".equals(state)) {
                messages.transition(c, messageId, "unsubscribed", null, "one-click unsubscribe");
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
