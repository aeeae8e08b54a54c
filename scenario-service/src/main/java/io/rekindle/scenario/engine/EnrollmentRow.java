package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** An enrollment as the engine works on it. */
public record EnrollmentRow(String enrollmentId, String scenarioId, int version, String customerId, String entryKey,
        boolean holdout, String variant, String currentStep, Instant stepStartedAt, Map<String, Integer> visits,
        Map<String, Object> variables, BigDecimal revenueAtEntry, Instant enteredAt) {

    static final String COLUMNS = "enrollment_id, scenario_id, version, customer_id, entry_key, holdout, variant, "
            + "current_step, step_started_at, visits, variables, revenue_at_entry, entered_at";

    static EnrollmentRow read(ResultSet rs, com.fasterxml.jackson.databind.ObjectMapper mapper) throws SQLException {
        try {
            return new EnrollmentRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                    rs.getBoolean(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
                    mapper.readValue(rs.getString(10), new com.fasterxml.jackson.core.type.TypeReference<>() { }),
                    mapper.readValue(rs.getString(11), new com.fasterxml.jackson.core.type.TypeReference<>() { }),
                    rs.getBigDecimal(12), instant(rs.getTimestamp(13)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times the current step has been entered: with the enrollment and step, the side effect's key. */
    public int visit() {
        return visits.getOrDefault(currentStep, 1);
    }

    public String sideEffectKey() {
        return enrollmentId + ":" + currentStep + ":" + visit();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
