package io.rekindle.segment.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a customer's orders and events as plain JSON-ready rows for the export. */
@ApplicationScoped
public class PersonalData {

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    PersonalData(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public List<Map<String, Object>> orders(String customerId) {
        return rows("SELECT order_id, placed_at, currency, total, discount_code, discount_amount, status, items FROM orders "
                + "WHERE customer_id = ? ORDER BY placed_at", customerId);
    }

    public List<Map<String, Object>> events(String customerId) {
        return rows("SELECT event_id, type, occurred_at, properties FROM event WHERE customer_id = ? "
                + "ORDER BY occurred_at", customerId);
    }

    private List<Map<String, Object>> rows(String sql, String customerId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(camel(meta.getColumnName(i)), value(rs, i, meta.getColumnTypeName(i)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(ResultSet rs, int column, String type) throws SQLException {
        if ("jsonb".equals(type)) {
            String json = rs.getString(column);
            try {
                return json == null ? null : mapper.readTree(json);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if ("timestamptz".equals(type)) {
            var t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant().toString();
        }
        return rs.getObject(column);
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
