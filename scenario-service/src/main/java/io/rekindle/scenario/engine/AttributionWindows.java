package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The attribution windows of ended enrollments: a purchase within the window after entry counts as a conversion,
 * for treatment and holdout alike, so each window left open at the end is closed once it has passed.
 */
@ApplicationScoped
public class AttributionWindows {

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    AttributionWindows(DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Ended enrollments whose attribution window has closed without a conversion seen yet, claimed for a lease. */
    @Transactional
    public List<EnrollmentRow> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE enrollment SET measure_at = ? WHERE enrollment_id IN (
                    SELECT enrollment_id FROM enrollment WHERE converted_at IS NULL AND measure_at <= ?
                    ORDER BY measure_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + EnrollmentRow.COLUMNS)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, limit);
            return EnrollmentRow.readAll(ps, mapper);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes an enrollment's attribution window: converted (with the revenue) or not. */
    @Transactional
    public void close(EnrollmentRow e, Instant convertedAt, BigDecimal revenue) {
        try (Connection c = dataSource.getConnection()) {
            EnrollmentStore.update(c, "UPDATE enrollment SET measure_at = NULL, converted_at = ?, revenue = ? "
                    + "WHERE enrollment_id = ?", convertedAt == null ? null : Timestamp.from(convertedAt), revenue,
                    e.enrollmentId());
            if (convertedAt != null) {
                Journal.add(c, e, null, JournalKind.CONVERTED, clock.instant(), revenue);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
