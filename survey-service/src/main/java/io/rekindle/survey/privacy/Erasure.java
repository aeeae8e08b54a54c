package io.rekindle.survey.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.platform.outbox.Outbox;
import io.rekindle.survey.survey.QuestionKind;
import io.rekindle.survey.survey.SurveyCatalog;

/**
 * Anonymises a customer's answers: the invitations lose the customer id, free-text answers (which may name them) are
 * removed, choices and ratings stay so every count is unchanged. Undelivered calls about them are dropped.
 */
@ApplicationScoped
public class Erasure {

    private final DataSource dataSource;
    private final SurveyCatalog catalog;
    private final Outbox outbox;

    Erasure(DataSource dataSource, SurveyCatalog catalog, Outbox outbox) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /** Answers how many invitations were anonymised (0 when there was nothing, or it was done before). */
    @Transactional
    public int erase(String customerId) {
        try (Connection c = dataSource.getConnection()) {
            // Only answers to the current version's choice questions stay: free text, and answers to questions a
            // later version removed (whatever they were), go.
            for (var survey : catalog.all()) {
                List<String> choices = survey.definition.questions().stream()
                        .filter(q -> q.kind() != QuestionKind.FREE_TEXT).map(q -> q.id()).toList();
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE response r SET answers = (SELECT coalesce(jsonb_object_agg(a.key, a.value), '{}'::jsonb)
                            FROM jsonb_each(r.answers) a WHERE a.key = ANY (?))
                        FROM invitation i
                        WHERE i.invitation_id = r.invitation_id AND i.customer_id = ? AND i.survey_id = ?""")) {
                    ps.setArray(1, c.createArrayOf("text", choices.toArray()));
                    ps.setString(2, customerId);
                    ps.setString(3, survey.surveyId);
                    ps.executeUpdate();
                }
            }
            int invitations;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE invitation SET customer_id = NULL WHERE customer_id = ?")) {
                ps.setString(1, customerId);
                invitations = ps.executeUpdate();
            }
            outbox.forget(c, customerId);
            return invitations;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
