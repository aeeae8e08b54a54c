package io.rekindle.survey.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rekindle.survey.survey.Question;
import io.rekindle.survey.survey.QuestionKind;
import io.rekindle.survey.survey.SurveyDefinition;

/** Counts answers per question as they are added; plain arithmetic, no database. */
public final class Tally {

    private final SurveyDefinition survey;
    private final Map<String, QuestionTally> questions = new LinkedHashMap<>();
    private long invitations;
    private long responses;

    public Tally(SurveyDefinition survey) {
        this.survey = survey;
        survey.questions().forEach(q -> questions.put(q.id(), new QuestionTally(q)));
    }

    public void invited() {
        invitations++;
    }

    public void answered(Map<String, Object> answers, Instant at) {
        responses++;
        answers.forEach((id, answer) -> {
            QuestionTally q = questions.get(id);
            if (q != null) {
                q.add(answer, at);
            }
        });
    }

    public SurveyResults results(String surveyId, SurveyResults.Filters filters) {
        String locale = survey.defaultLocale();
        List<SurveyResults.QuestionResult> results = questions.values().stream().map(q -> q.result(locale)).toList();
        return new SurveyResults(surveyId, filters, invitations, responses,
                invitations == 0 ? null : round((double) responses / invitations, 4), results);
    }

    private final class QuestionTally {

        private final Question question;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final List<SurveyResults.TextAnswer> texts = new ArrayList<>();
        private long answered;
        private long ratingSum;

        QuestionTally(Question question) {
            this.question = question;
            if (question.kind() == QuestionKind.RATING) {
                for (int n = 0; n <= 10; n++) {
                    counts.put(Integer.toString(n), 0L);
                }
            }
            question.optionIds().forEach(o -> counts.put(o, 0L));
        }

        void add(Object answer, Instant at) {
            answered++;
            if (answer instanceof List<?> choices) {
                choices.forEach(c -> counts.computeIfPresent(String.valueOf(c), (k, n) -> n + 1));
            } else if (question.kind() == QuestionKind.FREE_TEXT) {
                if (answer != null) {
                    texts.add(new SurveyResults.TextAnswer(answer.toString(), at));
                }
            } else {
                counts.computeIfPresent(String.valueOf(answer), (k, n) -> n + 1);
                if (question.kind() == QuestionKind.RATING && answer instanceof Number n) {
                    ratingSum += n.intValue();
                }
            }
        }

        SurveyResults.QuestionResult result(String locale) {
            List<SurveyResults.OptionCount> options = counts.entrySet().stream()
                    .map(e -> new SurveyResults.OptionCount(e.getKey(), question.kind().hasOptions()
                            ? question.optionLabel(e.getKey(), locale, locale) : e.getKey(), e.getValue(),
                            answered == 0 ? 0.0 : round((double) e.getValue() / answered, 4)))
                    .toList();
            SurveyResults.Nps nps = question.kind() == QuestionKind.RATING ? nps() : null;
            return new SurveyResults.QuestionResult(question.id(), question.kind(), question.label(locale, locale),
                    answered, question.kind() == QuestionKind.FREE_TEXT ? List.of() : options, nps,
                    question.kind() == QuestionKind.FREE_TEXT ? texts : List.of());
        }

        /** Net Promoter Score: % of 9-10 minus % of 0-6, over everyone who gave a rating. */
        private SurveyResults.Nps nps() {
            long promoters = counts.get("9") + counts.get("10");
            long passives = counts.get("7") + counts.get("8");
            long detractors = answered - promoters - passives;
            if (answered == 0) {
                return new SurveyResults.Nps(null, 0, 0, 0, null);
            }
            double score = 100.0 * (promoters - detractors) / answered;
            return new SurveyResults.Nps(round(score, 1), promoters, passives, detractors,
                    round((double) ratingSum / answered, 2));
        }
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
