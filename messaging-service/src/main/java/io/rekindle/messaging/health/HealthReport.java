package io.rekindle.messaging.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The base's health week by week, and the open rate before cleaning began set against the one since. */
public record HealthReport(
        List<HealthWeek> weeks,
        @Schema(description = "false when segment-service could not be asked: the weeks then have no base figures")
        boolean baseAvailable,
        @Schema(description = "Absent until a cleaning scenario has sent mail in the weeks shown") Comparison cleaning) {

    /**
     * Open rates pooled over the weeks before the first cleaning week and over the weeks after it (the cleaning
     * week itself belongs to neither); a side without delivered mail has no rate.
     */
    public record Comparison(LocalDate firstCleaningWeek, int deliveredBefore, Double openRateBefore,
            int deliveredSince, Double openRateSince) {
    }

    public static HealthReport of(List<MailWeek> mail, Map<LocalDate, BaseFigures> base, boolean baseAvailable) {
        List<HealthWeek> weeks = mail.stream().map(m -> HealthWeek.of(m, base.get(m.weekStart()))).toList();
        return new HealthReport(weeks, baseAvailable, compare(mail));
    }

    static Comparison compare(List<MailWeek> mail) {
        LocalDate first = mail.stream().filter(MailWeek::cleaning).map(MailWeek::weekStart).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        int deliveredBefore = 0;
        int openedBefore = 0;
        int deliveredSince = 0;
        int openedSince = 0;
        for (MailWeek week : mail) {
            if (week.weekStart().isBefore(first)) {
                deliveredBefore += week.delivered();
                openedBefore += week.opened();
            } else if (week.weekStart().isAfter(first)) {
                deliveredSince += week.delivered();
                openedSince += week.opened();
            }
        }
        return new Comparison(first, deliveredBefore, rate(openedBefore, deliveredBefore), deliveredSince,
                rate(openedSince, deliveredSince));
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
