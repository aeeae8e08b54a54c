package io.rekindle.survey.answer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.survey.invitation.Invitation;
import io.rekindle.survey.outbox.Destination;
import io.rekindle.platform.outbox.Outbox;
import io.rekindle.survey.survey.SurveyDefinition;

/** Keeps one response per invitation (a second submission replaces the first) and tells the other services. */
@ApplicationScoped
public class Responses {

    private final DataSource dataSource;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    Responses(DataSource dataSource, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Stores the answers; answers the revision (1 for the first submission). */
    @Transactional
    public int submit(Invitation invitation, SurveyDefinition survey, Map<String, Object> answers) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO response (invitation_id, survey_id, answers, revision, submitted_at, updated_at)
                VALUES (?, ?, ?::jsonb, 1, ?, ?)
                ON CONFLICT (invitation_id) DO UPDATE
                    SET answers = excluded.answers, revision = response.revision + 1, updated_at = excluded.updated_at
                RETURNING revision""")) {
            ps.setString(1, invitation.invitationId);
            ps.setString(2, invitation.surveyId);
            ps.setString(3, mapper.writeValueAsString(answers));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            int revision;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                revision = rs.getInt(1);
            }
            if (invitation.customerId != null) {
                String id = "survey:" + invitation.invitationId + ":" + revision;
                Map<String, Object> properties = AnswerEvents.properties(invitation, survey, answers);
                outbox.add(c, Destination.SEGMENT_EVENTS,
                        AnswerEvents.segmentEvent(id, invitation, now, properties, survey));
                outbox.add(c, Destination.SCENARIO_SIGNALS,
                        AnswerEvents.scenarioSignal(id, invitation, now, properties));
            }
            return revision;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answers given so far through this invitation, to show them again. */
    public Optional<Map<String, Object>> answers(String invitationId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT answers FROM response WHERE invitation_id = ?")) {
            ps.setString(1, invitationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.readValue(rs.getString(1), new TypeReference<>() { }))
                        : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
