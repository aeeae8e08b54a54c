package io.rekindle.segment.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What the binary COPY writes is what PostgreSQL stores, at the edges of each type, in two COPYs from one writer. */
@QuarkusTest
class CopyBinaryTest {

    @Inject
    DataSource dataSource;

    @Test
    void roundTripsEveryTypeItWrites() {
        Instant before2000 = Instant.parse("1999-12-31T23:59:59.999999Z");
        Instant recent = Instant.parse("2026-12-07T21:32:49.756123Z");
        CopyBinary copy = new CopyBinary(16);
        copy.row(7).text("c-é\t\\N").timestamp(before2000).date(LocalDate.of(1997, 1, 1)).int4(-7).int2(5)
                .float8(0.1 + 0.2).numeric(new BigDecimal("-12345678901234.05"));
        byte[] first = copy.toBytes();
        copy.row(7).text("c2").timestamp(recent).date(LocalDate.of(2026, 12, 31)).int4(Integer.MAX_VALUE).int2(-1)
                .float8(Double.MIN_VALUE).numeric(new BigDecimal("0.00"));
        copy.row(7).text(null).timestamp(null).date(null).int4(null).int2(null).float8(null).numeric(null);
        byte[] second = copy.toBytes();

        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE copied (id TEXT, at TIMESTAMPTZ, day DATE, n INTEGER, q SMALLINT, "
                        + "x DOUBLE PRECISION, amount NUMERIC(16, 2), seq SERIAL) ON COMMIT DROP");
                var api = c.unwrap(PGConnection.class).getCopyAPI();
                String sql = "COPY copied (id, at, day, n, q, x, amount) FROM STDIN (FORMAT binary)";
                assertEquals(1, api.copyIn(sql, new ByteArrayInputStream(first)));
                assertEquals(2, api.copyIn(sql, new ByteArrayInputStream(second)));
                try (ResultSet rs = s.executeQuery("SELECT * FROM copied ORDER BY seq")) {
                    rs.next();
                    assertEquals("c-é\t\\N", rs.getString("id"));
                    assertEquals(before2000, rs.getTimestamp("at").toInstant());
                    assertEquals("1997-01-01", rs.getString("day"));
                    assertEquals(-7, rs.getInt("n"));
                    assertEquals(5, rs.getInt("q"));
                    assertEquals(0.1 + 0.2, rs.getDouble("x"));
                    assertEquals(new BigDecimal("-12345678901234.05"), rs.getBigDecimal("amount"));
                    rs.next();
                    assertEquals(recent, rs.getTimestamp("at").toInstant());
                    assertEquals("2026-12-31", rs.getString("day"));
                    assertEquals(Integer.MAX_VALUE, rs.getInt("n"));
                    assertEquals(-1, rs.getInt("q"));
                    assertEquals(Double.MIN_VALUE, rs.getDouble("x"));
                    assertEquals(new BigDecimal("0.00"), rs.getBigDecimal("amount"));
                    rs.next();
                    for (String column : new String[] { "id", "at", "day", "n", "q", "x", "amount" }) {
                        assertNull(rs.getObject(column), column);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
