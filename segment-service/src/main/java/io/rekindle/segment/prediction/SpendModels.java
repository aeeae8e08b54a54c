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

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.rekindle.segment.metrics.AsOf;
import io.rekindle.segment.metrics.StoreScan;

/** Fits the store's Gamma-Gamma spend model on its repeat buyers and keeps every fit; the newest one is used. */
@ApplicationScoped
public class SpendModels {

    private static final Logger LOG = Logger.getLogger(SpendModels.class);
    private static final String COLUMNS = "as_of, p, q, gamma, log_likelihood, customers, fitted_at";

    private final DataSource dataSource;
    private final StoreScan scan;
    private final Clock clock;

    SpendModels(DataSource dataSource, StoreScan scan, Clock clock) {
        this.dataSource = dataSource;
        this.scan = scan;
        this.clock = clock;
    }

    /** Fits on the orders up to the moment; empty when there is no repeat buyer to fit on. */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Optional<StoredSpendModel> fit(AsOf asOf) {
        return fit(asOf, scan.scan(asOf).spendHistories());
    }

    /** Fits on the repeat buyers' spend as of the moment. */
    @Transactional
    public Optional<StoredSpendModel> fit(AsOf asOf, List<SpendHistory> histories) {
        if (histories.isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        GammaGammaFit fit = new GammaGammaFitter(histories).fit();
        GammaGammaParameters p = fit.parameters();
        if (!Double.isFinite(fit.logLikelihood())) {
            LOG.warnf("Gamma-Gamma fit on %d customers as of %s did not converge; keeping the previous model",
                    fit.customers(), asOf.day());
            return Optional.empty();
        }
        StoredSpendModel stored = stored(asOf.day(), p.p(), p.q(), p.gamma(), fit.logLikelihood(), fit.customers(),
                clock.instant());
        LOG.infof("Gamma-Gamma fitted on %d repeat buyers as of %s in %d ms: p=%.4f q=%.4f gamma=%.4f",
                fit.customers(), asOf.day(), (System.nanoTime() - started) / 1_000_000, p.p(), p.q(), p.gamma());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gamma_gamma_model (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setDate(1, Date.valueOf(stored.asOf()));
            ps.setDouble(2, stored.p());
            ps.setDouble(3, stored.q());
            ps.setDouble(4, stored.gamma());
            ps.setDouble(5, stored.logLikelihood());
            ps.setInt(6, stored.customers());
            ps.setTimestamp(7, Timestamp.from(stored.fittedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(stored);
    }

    public Optional<StoredSpendModel> latest() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM gamma_gamma_model ORDER BY id DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(stored(rs.getDate("as_of").toLocalDate(), rs.getDouble("p"), rs.getDouble("q"),
                    rs.getDouble("gamma"), rs.getDouble("log_likelihood"), rs.getInt("customers"),
                    rs.getTimestamp("fitted_at").toInstant()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredSpendModel stored(java.time.LocalDate asOf, double p, double q, double gamma,
            double logLikelihood, int customers, java.time.Instant fittedAt) {
        double mean = new GammaGammaParameters(p, q, gamma).populationMeanSpend();
        return new StoredSpendModel(asOf, p, q, gamma, Double.isFinite(mean) ? mean : null, logLikelihood, customers,
                fittedAt);
    }
}
