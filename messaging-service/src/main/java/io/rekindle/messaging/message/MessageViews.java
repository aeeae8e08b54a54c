package io.rekindle.messaging.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Messages as callers read them, each with its state history. */
@ApplicationScoped
public class MessageViews {

    private static final String VIEW_COLUMNS = "message_id, channel, customer_id, recipient, template_id, category, "
            + "attribution, state, due_at, sent_at, provider_message_id, detail, attempts, created_at, offer_id, "
            + "offer_version, offer_code, offer_withheld";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    MessageViews(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    private static MessageView.OfferSent offer(ResultSet rs) throws SQLException {
        String id = rs.getString("offer_id");
        if (id == null) {
            return null;
        }
        int version = rs.getInt("offer_version");
        return new MessageView.OfferSent(id, rs.wasNull() ? null : version, rs.getString("offer_code"),
                rs.getString("offer_withheld"));
    }

    public Optional<MessageView> find(String id) {
        return views("WHERE message_id = ?", id, 1).stream().findFirst();
    }

    public List<MessageView> byCustomer(String customerId, int limit) {
        return views("WHERE customer_id = ? ORDER BY created_at DESC, message_id", customerId, limit);
    }

    private List<MessageView> views(String where, String parameter, int limit) {
        List<MessageView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VIEW_COLUMNS + " FROM message " + where
                    + " LIMIT ?")) {
                ps.setString(1, parameter);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        MessageState state = MessageState.of(rs.getString("state"));
                        boolean waiting = state.waiting();
                        views.add(new MessageView(rs.getString("message_id"), rs.getString("channel"),
                                rs.getString("customer_id"), rs.getString("recipient"), rs.getString("template_id"),
                                rs.getString("category"), mapper.readValue(rs.getString("attribution"),
                                        Attribution.class), state,
                                waiting ? instant(rs.getTimestamp("due_at")) : null, instant(rs.getTimestamp("sent_at")),
                                rs.getString("provider_message_id"), rs.getString("detail"), rs.getInt("attempts"),
                                instant(rs.getTimestamp("created_at")), new ArrayList<>(), offer(rs)));
                    }
                }
            }
            withHistories(c, views);
            return views;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills in the state histories of these messages with one query. */
    private static void withHistories(Connection c, List<MessageView> views) throws SQLException {
        if (views.isEmpty()) {
            return;
        }
        Map<String, List<StateChange>> byMessage = new HashMap<>();
        views.forEach(v -> byMessage.put(v.id(), v.history()));
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, state, at, detail FROM message_state "
                + "WHERE message_id = ANY (?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("text", byMessage.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMessage.get(rs.getString("message_id")).add(new StateChange(MessageState.of(rs.getString("state")),
                            rs.getTimestamp("at").toInstant(), rs.getString("detail")));
                }
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
