package io.rekindle.survey.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Streams a survey's invitations with their answers, as the filters select them. */
@ApplicationScoped
public class ResultsQuery {

    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() { };

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    ResultsQuery(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @Transactional
    public void forEach(String surveyId, SurveyResults.Filters filters, Consumer<AnswerRow> consumer) {
        StringBuilder sql = new StringBuilder("""
                SELECT i.invitation_id, i.customer_id, i.scenario_id, i.step_id, i.variant, i.created_at,
                       r.answers, r.updated_at
                FROM invitation i LEFT JOIN response r ON r.invitation_id = i.invitation_id
                WHERE i.survey_id = ?""");
        List<Object> values = new ArrayList<>(List.of(surveyId));
        where(sql, values, "i.scenario_id = ?", filters.scenario());
        where(sql, values, "i.step_id = ?", filters.step());
        where(sql, values, "i.variant = ?", filters.variant());
        where(sql, values, "i.created_at >= ?", filters.from() == null ? null : Timestamp.from(filters.from()));
        where(sql, values, "i.created_at < ?", filters.to() == null ? null : Timestamp.from(filters.to()));
        sql.append(" ORDER BY i.created_at, i.invitation_id");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(1_000);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String answers = rs.getString("answers");
                    Timestamp answeredAt = rs.getTimestamp("updated_at");
                    consumer.accept(new AnswerRow(rs.getString("invitation_id"), rs.getString("customer_id"),
                            rs.getString("scenario_id"), rs.getString("step_id"), rs.getString("variant"),
                            rs.getTimestamp("created_at").toInstant(),
                            answers == null ? null : mapper.readValue(answers, ANSWERS),
                            answeredAt == null ? null : answeredAt.toInstant()));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void where(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }
}
