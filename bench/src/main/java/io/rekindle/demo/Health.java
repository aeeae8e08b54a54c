package io.rekindle.demo;

import static io.rekindle.demo.DemoReport.f;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * messaging-service's base health: the open rate before the first cleaning week and since (null: no mail). In the
 * demo every scenario starts on its first day, so there is no mail before cleaning began; the report then sets the
 * first two cleaning weeks (before the cleaning journey, 18 days from entry to suppression, can remove anyone)
 * against the weeks from the fourth on ({@code early*}, {@code late*}).
 */
record Health(String firstCleaningWeek, long deliveredBefore, Double openRateBefore, long deliveredSince,
        Double openRateSince, long deliveredEarly, Double openRateEarly, long deliveredLate, Double openRateLate) {

    String text() {
        if (firstCleaningWeek == null) {
            return "no base-cleaning scenario sent mail";
        }
        if (openRateBefore == null) {
            return f("open rate %s in the first two weeks of cleaning (week of %s on; no mail went out before), "
                    + "%s from the fourth week on", share(openRateEarly, deliveredEarly), firstCleaningWeek,
                    share(openRateLate, deliveredLate));
        }
        return f("open rate %s before cleaning began (week of %s), %s since", share(openRateBefore, deliveredBefore),
                firstCleaningWeek, share(openRateSince, deliveredSince));
    }

    private static String share(Double rate, long delivered) {
        return rate == null ? "-" : f("%.1f%% of %,d delivered", 100 * rate, delivered);
    }

    static Health of(JsonNode report) {
        JsonNode cleaning = report.path("cleaning");
        String first = cleaning.path("firstCleaningWeek").asText(null);
        double[] early = new double[2];
        double[] late = new double[2];
        if (first != null) {
            java.time.LocalDate start = java.time.LocalDate.parse(first);
            for (JsonNode week : report.path("weeks")) {
                java.time.LocalDate monday = java.time.LocalDate.parse(week.path("weekStart").asText());
                double delivered = week.path("delivered").asDouble();
                double[] side = monday.isBefore(start) ? null : monday.isBefore(start.plusWeeks(2)) ? early
                        : monday.isBefore(start.plusWeeks(3)) ? null : late;
                if (side != null) {
                    side[0] += delivered;
                    side[1] += week.path("openRate").asDouble() * delivered;
                }
            }
        }
        return new Health(first, cleaning.path("deliveredBefore").asLong(), DemoReport.number(cleaning, "openRateBefore"),
                cleaning.path("deliveredSince").asLong(), DemoReport.number(cleaning, "openRateSince"), (long) early[0],
                early[0] == 0 ? null : early[1] / early[0], (long) late[0], late[0] == 0 ? null : late[1] / late[0]);
    }
}
