package io.rekindle.survey.results;

import java.util.ArrayList;
import java.util.List;

import io.rekindle.survey.survey.Question;
import io.rekindle.survey.survey.SurveyDefinition;

/**
 * One CSV line per answered invitation (RFC 4180), one column per question; multiple choices joined by ';'.
 * A cell a spreadsheet would read as a formula gets a leading apostrophe.
 */
public final class ResultsCsv {

    private final List<Question> questions;

    public ResultsCsv(SurveyDefinition survey) {
        this.questions = survey.questions();
    }

    public String header() {
        List<String> cells = new ArrayList<>(List.of("invitation_id", "customer_id", "scenario", "step", "variant",
                "invited_at", "answered_at"));
        questions.forEach(q -> cells.add(q.id()));
        return line(cells);
    }

    public String row(AnswerRow row) {
        List<String> cells = new ArrayList<>(List.of(row.invitationId(), nullToEmpty(row.customerId()),
                nullToEmpty(row.scenario()), nullToEmpty(row.step()), nullToEmpty(row.variant()),
                row.invitedAt().toString(), row.answeredAt().toString()));
        for (Question q : questions) {
            Object answer = row.answers().get(q.id());
            cells.add(answer == null ? "" : answer instanceof List<?> l
                    ? String.join(";", l.stream().map(String::valueOf).toList()) : answer.toString());
        }
        return line(cells);
    }

    private static String line(List<String> cells) {
        return String.join(",", cells.stream().map(ResultsCsv::cell).toList()) + "\r\n";
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
