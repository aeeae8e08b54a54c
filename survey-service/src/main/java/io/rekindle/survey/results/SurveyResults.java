package io.rekindle.survey.results;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.rekindle.survey.survey.QuestionKind;

/**
 * A survey's results over the invitations the filters select: response rate = responses / invitations; per question
 * the count and share of each option (shares of those who answered that question), NPS for ratings, free texts.
 */
public record SurveyResults(String surveyId, Filters filters, long invitations, long responses, Double responseRate,
        List<QuestionResult> questions) {

    /** Which invitations count: by attribution, and sent in [from, to). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filters(String scenario, String step, String variant, Instant from, Instant to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResult(String id, QuestionKind kind, String label, long answered,
            List<OptionCount> options, Nps nps, List<TextAnswer> texts) {
    }

    public record OptionCount(String id, String label, long count, double share) {
    }

    public record Nps(Double score, long promoters, long passives, long detractors, Double average) {
    }

    public record TextAnswer(String text, Instant answeredAt) {
    }
}
