package io.rekindle.survey.answer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rekindle.survey.invitation.Invitation;
import io.rekindle.survey.survey.Question;
import io.rekindle.survey.survey.QuestionKind;
import io.rekindle.survey.survey.SurveyDefinition;

/**
 * What an answer tells the other services. Choices and ratings travel as flat properties a segment rule can match
 * ({@code reason = price}, and for multiple choice also {@code topics_price = true}) and as customer traits
 * ({@code survey_reason}); free text stays here, it may hold personal data.
 */
public final class AnswerEvents {

    public static final String TYPE = "survey_answered";

    private AnswerEvents() {
    }

    /** The answer's properties: survey, attribution, and one entry per choice or rating answered. */
    public static Map<String, Object> properties(Invitation invitation, SurveyDefinition survey,
            Map<String, Object> answers) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("surveyId", invitation.surveyId);
        properties.put("invitationId", invitation.invitationId);
        putIfSet(properties, "scenario", invitation.scenarioId);
        putIfSet(properties, "step", invitation.stepId);
        putIfSet(properties, "variant", invitation.variant);
        for (Question q : survey.questions()) {
            Object answer = answers.get(q.id());
            if (answer == null || q.kind() == QuestionKind.FREE_TEXT) {
                continue;
            }
            if (answer instanceof List<?> choices) {
                properties.put(q.id(), String.join(",", choices.stream().map(String::valueOf).toList()));
                choices.forEach(choice -> properties.put(q.id() + "_" + choice, true));
            } else {
                properties.put(q.id(), answer);
            }
        }
        return properties;
    }

    /** segment-service's event: the answer's properties and, under {@code traits}, what to keep on the profile. */
    public static Map<String, Object> segmentEvent(String eventId, Invitation invitation, Instant at,
            Map<String, Object> properties, SurveyDefinition survey) {
        Map<String, Object> traits = new LinkedHashMap<>();
        for (Question q : survey.questions()) {
            if (q.kind() != QuestionKind.FREE_TEXT && properties.containsKey(q.id())) {
                traits.put("survey_" + q.id(), properties.get(q.id()));
            }
        }
        Map<String, Object> withTraits = new LinkedHashMap<>(properties);
        withTraits.put("traits", traits);
        return Map.of("eventId", eventId, "customerId", invitation.customerId, "type", TYPE,
                "occurredAt", at.toString(), "properties", withTraits);
    }

    /** scenario-service's signal: the customer answered, with what, for which enrollment step. */
    public static Map<String, Object> scenarioSignal(String signalId, Invitation invitation, Instant at,
            Map<String, Object> properties) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("signalId", signalId);
        signal.put("customerId", invitation.customerId);
        signal.put("type", TYPE);
        signal.put("occurredAt", at.toString());
        Map<String, Object> attribution = new LinkedHashMap<>();
        putIfSet(attribution, "scenario", invitation.scenarioId);
        putIfSet(attribution, "step", invitation.stepId);
        putIfSet(attribution, "variant", invitation.variant);
        signal.put("attribution", attribution);
        signal.put("properties", properties);
        return signal;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
