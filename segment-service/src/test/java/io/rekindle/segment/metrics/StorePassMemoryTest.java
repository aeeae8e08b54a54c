package io.rekindle.segment.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The store-wide passes' sort memory: raised inside their transaction, the server's default outside it. */
@QuarkusTest
class StorePassMemoryTest {

    @Inject
    StorePassMemory memory;

    @Inject
    DataSource dataSource;

    @Test
    void raisesWorkMemForTheTransactionOnly() {
        String before = workMem();

        String inside = QuarkusTransaction.requiringNew().call(() -> {
            memory.widen();
            return workMem();
        });

        assertEquals("128MB", inside);
        assertEquals(before, workMem(), "the pooled connection keeps the server's default after the commit");
    }

    private String workMem() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW work_mem")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
