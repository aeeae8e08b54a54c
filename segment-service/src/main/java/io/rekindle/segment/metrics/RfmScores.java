package io.rekindle.segment.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

/** RFM scores: stored by the full recompute, or computed over everyone for a backtest. */
@ApplicationScoped
public class RfmScores {

    private final DataSource dataSource;
    private final StoreScan scan;

    RfmScores(DataSource dataSource, StoreScan scan) {
        this.dataSource = dataSource;
        this.scan = scan;
    }

    /** Replaces the stored scores; must run in a transaction. */
    public void save(Map<String, Rfm> scores) {
        CopyBinary copy = new CopyBinary(scores.size() * 48);
        scores.forEach((customerId, rfm) -> copy.row(6).text(customerId).int2(rfm.recency()).int2(rfm.frequency())
                .int2(rfm.monetary()).float8(rfm.percentile()).date(rfm.asOf()));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM customer_rfm");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY customer_rfm (customer_id, recency, frequency, monetary, percentile, as_of) FROM STDIN "
                            + "(FORMAT binary)", new ByteArrayInputStream(copy.toBytes()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored score when {@code backtest} is null, else computed over everyone as of that moment. */
    public Optional<Rfm> of(String customerId, AsOf backtest) {
        if (backtest != null) {
            return Optional.ofNullable(scan.scan(backtest).rfm().get(customerId));
        }
        String sql = "SELECT recency, frequency, monetary, percentile, as_of FROM customer_rfm WHERE customer_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(Rfm.of(rs.getInt("recency"), rs.getInt("frequency"), rs.getInt("monetary"),
                        rs.getDouble("percentile"), rs.getDate("as_of").toLocalDate()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many customers fall in each score and cell as of the moment. */
    public RfmDistribution distribution(AsOf asOf) {
        RfmDistribution.Builder builder = new RfmDistribution.Builder(asOf.day(), scan.rfmWindow());
        scan.scan(asOf).rfm().values().forEach(r -> builder.add(r.recency(), r.frequency(), r.monetary(), 1));
        return builder.build();
    }
}
