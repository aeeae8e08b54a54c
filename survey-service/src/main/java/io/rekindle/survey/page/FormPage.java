package io.rekindle.survey.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.rekindle.survey.answer.AnswerForm;
import io.rekindle.survey.survey.Question;
import io.rekindle.survey.survey.QuestionKind;
import io.rekindle.survey.survey.SurveyDefinition;
import io.rekindle.survey.survey.SurveyTexts;

/** What the form template shows: the survey in one locale, with earlier answers and per-question errors. */
public record FormPage(PageTexts texts, String title, String intro, String action, String guard,
        List<QuestionView> questions, boolean hasErrors) {

    public record QuestionView(String id, String kind, String label, boolean required, List<OptionView> options,
            String text, String error) {
    }

    public record OptionView(String value, String label, boolean checked) {
    }

    static FormPage of(SurveyDefinition survey, String locale, String action, String guard,
            Map<String, Object> answers, Map<String, AnswerForm.Problem> problems) {
        PageTexts texts = PageTexts.in(locale);
        SurveyTexts surveyTexts = survey.textsIn(locale);
        List<QuestionView> questions = new ArrayList<>();
        for (Question q : survey.questions()) {
            Object answer = answers.get(q.id());
            List<OptionView> options = switch (q.kind()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> q.optionIds().stream()
                        .map(o -> new OptionView(o, q.optionLabel(o, locale, survey.defaultLocale()),
                                o.equals(answer) || (answer instanceof List<?> l && l.contains(o))))
                        .toList();
                case RATING -> IntStream.rangeClosed(0, 10)
                        .mapToObj(n -> new OptionView(Integer.toString(n), Integer.toString(n),
                                answer != null && answer.toString().equals(Integer.toString(n))))
                        .toList();
                case FREE_TEXT -> List.of();
            };
            String text = q.kind() == QuestionKind.FREE_TEXT && answer != null ? answer.toString() : "";
            AnswerForm.Problem problem = problems.get(q.id());
            questions.add(new QuestionView(q.id(), kindName(q.kind()), q.label(locale, survey.defaultLocale()),
                    q.required(), options, text, problem == null ? null : texts.message(problem)));
        }
        return new FormPage(texts, surveyTexts.title(), surveyTexts.intro(), action, guard, questions,
                !problems.isEmpty());
    }

    private static String kindName(QuestionKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
