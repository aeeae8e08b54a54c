package io.rekindle.segment.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.config.SegmentConfig;

/**
 * The sort and hash memory a store-wide pass asks the database for. Under PostgreSQL's default work_mem (4 MB) the
 * hash joins of every customer's rows and the sorts in the segments' and scheduling passes spill to disk and take
 * more batches as the store grows (the order scan, which once sorted every order, reads an index instead). The
 * setting is local to the caller's transaction: the pooled connection goes back with the server's default.
 */
@ApplicationScoped
public class StorePassMemory {

    private final DataSource dataSource;
    private final String workMem;

    StorePassMemory(DataSource dataSource, SegmentConfig config) {
        this.dataSource = dataSource;
        this.workMem = config.metrics().storePassWorkMemMb() + "MB";
    }

    /** Raises work_mem for the rest of the current transaction; must run in one. */
    public void widen() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT set_config('work_mem', ?, true)")) {
            ps.setString(1, workMem);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
