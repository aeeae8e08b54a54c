package io.rekindle.survey.results;

import java.time.Instant;
import java.util.Map;

/** One invitation and, when answered, its latest answers. */
public record AnswerRow(String invitationId, String customerId, String scenario, String step, String variant,
        Instant invitedAt, Map<String, Object> answers, Instant answeredAt) {

    public boolean answered() {
        return answers != null;
    }
}
