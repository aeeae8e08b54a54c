package io.rekindle.survey.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rekindle.platform.http.Problem.FieldError;

/**
 * What a well-formed survey needs beyond its field constraints: the fallback locale has every text, choice questions
 * have their options (and only they do), ids are unique. Field names follow the request's JSON paths.
 */
public final class SurveyRules {

    private SurveyRules() {
    }

    public static List<FieldError> check(SurveyDefinition survey) {
        List<FieldError> errors = new ArrayList<>();
        String fallback = survey.defaultLocale();
        if (!survey.texts().containsKey(fallback)) {
            errors.add(new FieldError("texts", "has no texts for the default locale '" + fallback + "'"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < survey.questions().size(); i++) {
            Question q = survey.questions().get(i);
            String at = "questions[" + i + "]";
            if (!ids.add(q.id())) {
                errors.add(new FieldError(at + ".id", "'" + q.id() + "' is used by an earlier question"));
            }
            List<String> options = q.options() == null ? List.of() : q.options();
            if (q.kind().hasOptions()) {
                if (options.size() < 2) {
                    errors.add(new FieldError(at + ".options", "a choice question needs at least two options"));
                } else if (new HashSet<>(options).size() != options.size()) {
                    errors.add(new FieldError(at + ".options", "has the same option twice"));
                }
            } else if (!options.isEmpty()) {
                errors.add(new FieldError(at + ".options", "only choice questions have options"));
            }
            QuestionTexts texts = q.texts().get(fallback);
            if (texts == null) {
                errors.add(new FieldError(at + ".texts", "has no texts for the default locale '" + fallback + "'"));
                continue;
            }
            Map<String, String> labels = texts.options() == null ? Map.of() : texts.options();
            for (String option : options) {
                if (labels.get(option) == null || labels.get(option).isBlank()) {
                    errors.add(new FieldError(at + ".texts[" + fallback + "].options." + option,
                            "has no label in the default locale"));
                }
            }
        }
        return errors;
    }
}
