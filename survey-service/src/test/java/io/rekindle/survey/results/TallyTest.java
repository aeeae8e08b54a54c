package io.rekindle.survey.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rekindle.survey.survey.Question;
import io.rekindle.survey.survey.QuestionKind;
import io.rekindle.survey.survey.QuestionTexts;
import io.rekindle.survey.survey.SurveyDefinition;
import io.rekindle.survey.survey.SurveyTexts;

class TallyTest {

    private static final SurveyDefinition NPS_ONLY = new SurveyDefinition("en",
            Map.of("en", new SurveyTexts("t", null, null)),
            List.of(new Question("nps", QuestionKind.RATING, true, null, Map.of("en", new QuestionTexts("n", null)))));

    @Test
    void npsIsPromotersMinusDetractorsInPercent() {
        Tally tally = new Tally(NPS_ONLY);
        // 0..10 once each: promoters 9, 10 (2); passives 7, 8 (2); detractors 0..6 (7): (2 - 7) / 11 = -45.45..
        for (int n = 0; n <= 10; n++) {
            tally.invited();
            tally.answered(Map.of("nps", n), Instant.EPOCH);
        }
        SurveyResults.Nps nps = tally.results("s", null).questions().get(0).nps();
        assertEquals(-45.5, nps.score());
        assertEquals(5.0, nps.average());
        assertEquals(7, nps.detractors());
    }

    @Test
    void withNoInvitationsThereIsNoRateAndNoScore() {
        SurveyResults results = new Tally(NPS_ONLY).results("s", null);
        assertNull(results.responseRate());
        assertNull(results.questions().get(0).nps().score());
    }
}
