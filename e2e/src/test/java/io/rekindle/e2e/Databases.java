package io.rekindle.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads every table of every service's embedded database directly: what a test checks behind the APIs' backs. */
final class Databases {

    private Databases() {
    }

    /** Every table (all schemas, every service) holding this text somewhere in a row. */
    static List<String> holders(String text) {
        List<String> found = new ArrayList<>();
        eachTable((service, c, table) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " t WHERE t::text ILIKE ?")) {
                ps.setString(1, "%" + text + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(service + ":" + table);
                    }
                }
            }
        });
        return found;
    }

    /** A digest of every row of every table, by service and table: equal digests, nothing stored changed. */
    static Map<String, String> fingerprint() {
        Map<String, String> digests = new TreeMap<>();
        eachTable((service, c, table) -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg("
                    + "t::text, '|' ORDER BY t::text)), '') FROM " + table + " t")) {
                rs.next();
                digests.put(service + ":" + table, rs.getString(1));
            }
        });
        return digests;
    }

    private interface TableVisitor {
        void visit(String service, Connection c, String table) throws SQLException;
    }

    private static void eachTable(TableVisitor visitor) {
        for (Map.Entry<String, Integer> db : new TreeMap<>(ServiceProcess.DATABASE_PORTS).entrySet()) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db.getValue()
                    + "/postgres", "postgres", "postgres")) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("""
                        SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    visitor.visit(db.getKey(), c, table);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(db.getKey() + ": " + e.getMessage(), e);
            }
        }
    }
}
