package io.rekindle.segment.metrics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StoreStatsRepository {

    private final DataSource dataSource;

    StoreStatsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(StoreStats stats) {
        String sql = """
                INSERT INTO store_stats (id, as_of, first_to_second_days, current_value_cutoffs,
                    potential_value_cutoffs, computed_at) VALUES (1, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of,
                    first_to_second_days = excluded.first_to_second_days,
                    current_value_cutoffs = excluded.current_value_cutoffs,
                    potential_value_cutoffs = excluded.potential_value_cutoffs, computed_at = excluded.computed_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(stats.asOf()));
            if (stats.firstToSecondDays() == null) {
                ps.setNull(2, Types.DOUBLE);
            } else {
                ps.setDouble(2, stats.firstToSecondDays());
            }
            ValueCutoffs cutoffs = stats.valueCutoffs();
            ps.setArray(3, array(c, cutoffs == null ? null : cutoffs.current()));
            ps.setArray(4, array(c, cutoffs == null ? null : cutoffs.potential()));
            ps.setTimestamp(5, Timestamp.from(stats.computedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<StoreStats> latest() {
        String sql = "SELECT as_of, first_to_second_days, current_value_cutoffs, potential_value_cutoffs, computed_at "
                + "FROM store_stats WHERE id = 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            double gap = rs.getDouble("first_to_second_days");
            Double firstToSecondDays = rs.wasNull() ? null : gap;
            double[] current = doubles(rs.getArray("current_value_cutoffs"));
            double[] potential = doubles(rs.getArray("potential_value_cutoffs"));
            ValueCutoffs cutoffs = current == null && potential == null ? null : new ValueCutoffs(current, potential);
            return Optional.of(new StoreStats(rs.getDate("as_of").toLocalDate(), firstToSecondDays, cutoffs,
                    rs.getTimestamp("computed_at").toInstant()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.sql.Array array(Connection c, double[] values) throws SQLException {
        return values == null ? null : c.createArrayOf("float8", java.util.Arrays.stream(values).boxed().toArray());
    }

    private static double[] doubles(java.sql.Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).doubleValue();
        }
        return out;
    }
}
