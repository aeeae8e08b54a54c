package io.rekindle.segment.value;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.segment.metrics.StoreStats;
import io.rekindle.segment.metrics.StoreStatsRepository;

/** Counts the current-by-potential grid from every customer's stored figures. */
@ApplicationScoped
public class ValueGrids {

    private static final String CELLS = """
            SELECT value_current_quintile, value_potential_quintile, count(*), sum(revenue), sum(value_potential)
            FROM customer_metrics WHERE order_count > 0
            GROUP BY value_current_quintile, value_potential_quintile
            """;

    private final DataSource dataSource;
    private final StoreStatsRepository stats;

    ValueGrids(DataSource dataSource, StoreStatsRepository stats) {
        this.dataSource = dataSource;
        this.stats = stats;
    }

    public ValueGrid grid() {
        long[][] customers = new long[5][5];
        BigDecimal[][] revenue = new BigDecimal[5][5];
        double[][] predicted = new double[5][5];
        long buyers = 0;
        long unplaced = 0;
        long everyone;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(CELLS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long count = rs.getLong(3);
                    buyers += count;
                    int current = rs.getInt(1);
                    boolean placed = !rs.wasNull();
                    int potential = rs.getInt(2);
                    if (!placed || rs.wasNull()) {
                        unplaced += count;
                        continue;
                    }
                    customers[current - 1][potential - 1] = count;
                    revenue[current - 1][potential - 1] = rs.getBigDecimal(4);
                    predicted[current - 1][potential - 1] = rs.getDouble(5);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM customer");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                everyone = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<ValueCell> cells = new ArrayList<>(25);
        BigDecimal totalRevenue = BigDecimal.ZERO;
        double totalPredicted = 0;
        for (int current = 5; current >= 1; current--) {
            for (int potential = 1; potential <= 5; potential++) {
                BigDecimal cellRevenue = revenue[current - 1][potential - 1];
                cellRevenue = cellRevenue == null ? BigDecimal.ZERO : cellRevenue;
                double cellPredicted = predicted[current - 1][potential - 1];
                cells.add(new ValueCell(current, potential, customers[current - 1][potential - 1], cellRevenue,
                        cellPredicted));
                totalRevenue = totalRevenue.add(cellRevenue);
                totalPredicted += cellPredicted;
            }
        }
        return new ValueGrid(stats.latest().map(StoreStats::asOf).orElse(null), everyone, buyers, unplaced, cells,
                totalRevenue, totalPredicted);
    }
}
