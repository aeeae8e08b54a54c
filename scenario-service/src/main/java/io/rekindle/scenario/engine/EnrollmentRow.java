package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An enrollment as the engine works on it, with the trace of what enrolled the customer. */
public record EnrollmentRow(String enrollmentId, String scenarioId, int version, String customerId, String entryKey,
        boolean holdout, String variant, String currentStep, Instant stepStartedAt, Map<String, Integer> visits,
        Map<String, Object> variables, BigDecimal revenueAtEntry, Instant enteredAt, String traceparent) {

    static final String COLUMNS = "enrollment_id, scenario_id, version, customer_id, entry_key, holdout, variant, "
            + "current_step, step_started_at, visits, variables, revenue_at_entry, entered_at, traceparent";

    static EnrollmentRow read(ResultSet rs, com.fasterxml.jackson.databind.ObjectMapper mapper) throws SQLException {
        try {
            return new EnrollmentRow(rs.getString("enrollment_id"), rs.getString("scenario_id"), rs.getInt("version"),
                    rs.getString("customer_id"), rs.getString("entry_key"), rs.getBoolean("holdout"),
                    rs.getString("variant"), rs.getString("current_step"), instant(rs.getTimestamp("step_started_at")),
                    mapper.readValue(rs.getString("visits"), new com.fasterxml.jackson.core.type.TypeReference<>() { }),
                    mapper.readValue(rs.getString("variables"),
                            new com.fasterxml.jackson.core.type.TypeReference<>() { }),
                    rs.getBigDecimal("revenue_at_entry"), instant(rs.getTimestamp("entered_at")),
                    rs.getString("traceparent"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<EnrollmentRow> readAll(PreparedStatement ps, com.fasterxml.jackson.databind.ObjectMapper mapper)
            throws SQLException {
        List<EnrollmentRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs, mapper));
            }
        }
        return rows;
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
