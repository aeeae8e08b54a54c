package io.rekindle.segment.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** A PostgreSQL advisory lock held until the current transaction ends. */
@ApplicationScoped
public class RecomputeLock {

    private static final long KEY = 0x5245_4b49_4e44_4c31L;

    private final DataSource dataSource;

    RecomputeLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Must run inside a transaction; answers false when another transaction holds the lock. */
    public boolean tryLock() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
