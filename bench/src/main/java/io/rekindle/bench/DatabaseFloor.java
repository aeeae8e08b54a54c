package io.rekindle.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What segment-service's own database does with the same data, in the same run, on the same two cores: the floor a
 * service figure is set against. Reads and writes only scratch tables of its own (dropped afterwards) beside the
 * service's, and is run while the service is idle.
 */
final class DatabaseFloor implements AutoCloseable {

    private final Connection connection;

    DatabaseFloor(String jdbcUrl) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl);
        try (Statement st = connection.createStatement()) {
            st.execute("SET synchronous_commit = on");
        }
    }

    /**
     * The orders table copied out to a file (not timed), then PostgreSQL's COPY of those rows into an empty table of
     * the same shape, indexes included (timed): rows per second.
     */
    double copyOrders() throws Exception {
        CopyManager copy = ((PGConnection) connection).getCopyAPI();
        Path file = Files.createTempFile("bench-floor-orders", ".copy");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                copy.copyOut("COPY orders TO STDOUT (FORMAT binary)", out);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_floor_orders");
                st.execute("CREATE TABLE bench_floor_orders (LIKE orders INCLUDING ALL)");
            }
            long started = System.nanoTime();
            long rows;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                rows = copy.copyIn("COPY bench_floor_orders FROM STDIN (FORMAT binary)", in);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return rows / seconds;
        } finally {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_floor_orders");
            }
            Files.deleteIfExists(file);
        }
    }

    /**
     * One SQL statement computing every customer's recency, frequency, revenue and RFM quintiles from the placed
     * orders, written into a table: seconds.
     */
    double customerFigures() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_floor_figures");
            long started = System.nanoTime();
            st.execute("""
                    CREATE TABLE bench_floor_figures AS
                    SELECT customer_id, last_order_at, orders, revenue,
                           ntile(5) OVER (ORDER BY last_order_at) AS r,
                           ntile(5) OVER (ORDER BY orders) AS f,
                           ntile(5) OVER (ORDER BY revenue) AS m
                    FROM (SELECT customer_id, max(placed_at) AS last_order_at, count(*) AS orders,
                                 sum(total) AS revenue
                          FROM orders WHERE status = 'placed' GROUP BY customer_id) per_customer""");
            double seconds = (System.nanoTime() - started) / 1e9;
            st.execute("DROP TABLE bench_floor_figures");
            return seconds;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
