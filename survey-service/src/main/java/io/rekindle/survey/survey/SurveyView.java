package io.rekindle.survey.survey;

import java.time.Instant;

public record SurveyView(String id, SurveyDefinition definition, int version, Instant updatedAt) {

    static SurveyView of(Survey s) {
        return new SurveyView(s.surveyId, s.definition, s.version, s.updatedAt);
    }
}
