package io.rekindle.survey.invitation;

import java.time.Instant;

/** An invitation as the API shows it; {@code url} is the personal link to send. */
public record InvitationView(String id, String surveyId, String customerId, String locale, Attribution attribution,
        String url, Instant createdAt, Instant expiresAt) {
}
