package io.rekindle.segment.prediction;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import org.jboss.logging.Logger;

import io.rekindle.segment.metrics.AsOf;
import io.rekindle.segment.metrics.StoreScan;

/** Fits the store's BG/NBD model on its order history and keeps every fit; the newest one is used. */
@ApplicationScoped
public class BgNbdModels {

    private static final Logger LOG = Logger.getLogger(BgNbdModels.class);

    private final DataSource dataSource;
    private final StoreScan scan;
    private final Clock clock;

    BgNbdModels(DataSource dataSource, StoreScan scan, Clock clock) {
        this.dataSource = dataSource;
        this.scan = scan;
        this.clock = clock;
    }

    /** Fits on the orders up to the moment; empty when there are no buyers to fit on. */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Optional<StoredModel> fit(AsOf asOf) {
        return fit(asOf, scan.scan(asOf).histories());
    }

    /** Fits on the buyers' histories as of the moment. */
    @Transactional
    public Optional<StoredModel> fit(AsOf asOf, List<PurchaseHistory> histories) {
        if (histories.isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        BgNbdFit fit = new BgNbdFitter(histories).fit();
        BgNbdParameters p = fit.parameters();
        if (!(Double.isFinite(p.r()) && Double.isFinite(p.alpha()) && Double.isFinite(p.a()) && Double.isFinite(p.b())
                && Double.isFinite(fit.logLikelihood()))) {
            LOG.warnf("BG/NBD fit on %d customers as of %s did not converge to finite parameters; keeping the previous model",
                    fit.customers(), asOf.day());
            return Optional.empty();
        }
        StoredModel stored = new StoredModel(asOf.day(), p.r(), p.alpha(), p.a(), p.b(), fit.logLikelihood(),
                fit.customers(), clock.instant());
        LOG.infof("BG/NBD fitted on %d customers as of %s in %d ms: r=%.4f alpha=%.4f a=%.4f b=%.4f", fit.customers(),
                asOf.day(), (System.nanoTime() - started) / 1_000_000, p.r(), p.alpha(), p.a(), p.b());
        String sql = "INSERT INTO bgnbd_model (as_of, r, alpha, a, b, log_likelihood, customers, fitted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(stored.asOf()));
            ps.setDouble(2, stored.r());
            ps.setDouble(3, stored.alpha());
            ps.setDouble(4, stored.a());
            ps.setDouble(5, stored.b());
            ps.setDouble(6, stored.logLikelihood());
            ps.setInt(7, stored.customers());
            ps.setTimestamp(8, Timestamp.from(stored.fittedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(stored);
    }

    public Optional<StoredModel> latest() {
        String sql = "SELECT as_of, r, alpha, a, b, log_likelihood, customers, fitted_at FROM bgnbd_model "
                + "ORDER BY id DESC LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredModel(rs.getDate("as_of").toLocalDate(), rs.getDouble("r"),
                    rs.getDouble("alpha"), rs.getDouble("a"), rs.getDouble("b"), rs.getDouble("log_likelihood"),
                    rs.getInt("customers"), rs.getTimestamp("fitted_at").toInstant()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
