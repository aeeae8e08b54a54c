package io.rekindle.survey.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rekindle.survey.survey.Question;
import io.rekindle.survey.survey.QuestionKind;
import io.rekindle.survey.survey.QuestionTexts;
import io.rekindle.survey.survey.SurveyDefinition;
import io.rekindle.survey.survey.SurveyTexts;

class AnswerFormTest {

    private static Question q(String id, QuestionKind kind, boolean required, List<String> options) {
        return new Question(id, kind, required, options, Map.of("en", new QuestionTexts(id, null)));
    }

    private static final SurveyDefinition SURVEY = new SurveyDefinition("en",
            Map.of("en", new SurveyTexts("t", null, null)), List.of(
                    q("one", QuestionKind.SINGLE_CHOICE, true, List.of("a", "b")),
                    q("many", QuestionKind.MULTIPLE_CHOICE, false, List.of("x", "y", "z")),
                    q("score", QuestionKind.RATING, false, null),
                    q("text", QuestionKind.FREE_TEXT, false, null)));

    @Test
    void readsEachKindAndKeepsTheQuestionsOptionOrder() {
        AnswerForm.Result r = AnswerForm.read(SURVEY, Map.of("one", List.of("b"), "many", List.of("z", "x"),
                "score", List.of("0"), "text", List.of("  hello  "), "unasked", List.of("ignored")));
        assertTrue(r.valid());
        assertEquals(Map.of("one", "b", "many", List.of("x", "z"), "score", 0, "text", "hello"), r.answers());
    }

    @Test
    void namesWhatIsWrongPerQuestion() {
        AnswerForm.Result r = AnswerForm.read(SURVEY, Map.of("one", List.of(" "), "many", List.of("x", "w"),
                "score", List.of("-1"), "text", List.of("é".repeat(AnswerForm.MAX_TEXT + 1))));
        assertEquals(Map.of("one", AnswerForm.Problem.REQUIRED, "many", AnswerForm.Problem.NOT_A_CHOICE,
                "score", AnswerForm.Problem.OUT_OF_RANGE, "text", AnswerForm.Problem.TOO_LONG), r.problems());
        assertEquals(Map.of("one", AnswerForm.Problem.NOT_A_CHOICE),
                AnswerForm.read(SURVEY, Map.of("one", List.of("a", "b"))).problems());
        assertTrue(AnswerForm.read(SURVEY, Map.of("one", List.of("a"), "text",
                List.of("é".repeat(AnswerForm.MAX_TEXT)))).valid(), "2,000 characters (not bytes) fit");
    }
}
