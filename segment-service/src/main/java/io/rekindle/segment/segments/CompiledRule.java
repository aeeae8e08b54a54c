package io.rekindle.segment.segments;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A rule as a SQL condition over the segment base, with its parameters, and the SQL of the next moment after the
 * evaluation at which time alone can change the rule's result for a customer (null when it never can; a moment where
 * nothing turns out to change is allowed). Parameters that depend on the evaluation moment ({@link Today},
 * {@link Now}, {@link NowMinus}) are resolved when bound, so one compiled rule serves every evaluation.
 */
public record CompiledRule(String sql, List<Object> parameters, String nextChangeSql,
        List<Object> nextChangeParameters) {

    /** The evaluation day (UTC). */
    enum Today {
        VALUE
    }

    /** The evaluation moment. */
    enum Now {
        VALUE
    }

    /** The evaluation moment minus a duration. */
    record NowMinus(Duration duration) {
    }

    /** Binds the parameters from {@code first}; answers the next free index. */
    public int bind(PreparedStatement ps, int first, Instant now) throws SQLException {
        return bind(parameters, ps, first, now);
    }

    /** Binds the parameters of {@link #nextChangeSql()}; answers the next free index. */
    public int bindNextChange(PreparedStatement ps, int first, Instant now) throws SQLException {
        return bind(nextChangeParameters, ps, first, now);
    }

    private static int bind(List<Object> parameters, PreparedStatement ps, int first, Instant now)
            throws SQLException {
        int index = first;
        for (Object p : parameters) {
            if (p == Now.VALUE) {
                ps.setObject(index++, now.atOffset(ZoneOffset.UTC));
            } else if (p == Today.VALUE) {
                ps.setObject(index++, LocalDate.ofInstant(now, ZoneOffset.UTC));
            } else if (p instanceof NowMinus minus) {
                ps.setObject(index++, now.minus(minus.duration()).atOffset(ZoneOffset.UTC));
            } else if (p instanceof Duration d) {
                ps.setString(index++, d.toSeconds() + " seconds");
            } else {
                ps.setObject(index++, p);
            }
        }
        return index;
    }
}
