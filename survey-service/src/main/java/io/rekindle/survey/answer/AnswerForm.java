package io.rekindle.survey.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rekindle.survey.survey.Question;
import io.rekindle.survey.survey.SurveyDefinition;

/**
 * Reads a submitted form (field name = question id, repeated for multiple choice) into answers, or says per question
 * what is wrong. Anything not asked is ignored; choices must be the question's own; ratings are 0 to 10.
 */
public final class AnswerForm {

    public static final int MAX_TEXT = 2_000;

    public enum Problem { REQUIRED, NOT_A_CHOICE, TOO_LONG, OUT_OF_RANGE }

    /** The answers by question id: a String (single choice, text), a List of Strings (multiple), an Integer. */
    public record Result(Map<String, Object> answers, Map<String, Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private AnswerForm() {
    }

    public static Result read(SurveyDefinition survey, Map<String, List<String>> form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (Question q : survey.questions()) {
            List<String> given = form.getOrDefault(q.id(), List.of()).stream()
                    .map(v -> v == null ? "" : v.strip()).filter(v -> !v.isEmpty()).toList();
            if (given.isEmpty()) {
                if (q.required()) {
                    problems.put(q.id(), Problem.REQUIRED);
                }
                continue;
            }
            switch (q.kind()) {
                case SINGLE_CHOICE -> {
                    if (given.size() != 1 || !q.optionIds().contains(given.get(0))) {
                        problems.put(q.id(), Problem.NOT_A_CHOICE);
                    } else {
                        answers.put(q.id(), given.get(0));
                    }
                }
                case MULTIPLE_CHOICE -> {
                    if (!q.optionIds().containsAll(given)) {
                        problems.put(q.id(), Problem.NOT_A_CHOICE);
                    } else {
                        answers.put(q.id(), new ArrayList<>(q.optionIds().stream().filter(given::contains).toList()));
                    }
                }
                case RATING -> {
                    Integer rating = given.size() == 1 && given.get(0).matches("\\d{1,2}")
                            ? Integer.valueOf(given.get(0)) : null;
                    if (rating == null || rating > 10) {
                        problems.put(q.id(), Problem.OUT_OF_RANGE);
                    } else {
                        answers.put(q.id(), rating);
                    }
                }
                case FREE_TEXT -> {
                    String text = String.join("\n", given);
                    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
                        problems.put(q.id(), Problem.TOO_LONG);
                    } else {
                        answers.put(q.id(), text);
                    }
                }
            }
        }
        return new Result(answers, problems);
    }
}
