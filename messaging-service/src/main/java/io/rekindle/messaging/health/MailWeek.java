package io.rekindle.messaging.health;

import java.time.LocalDate;

/**
 * The marketing email asked for in one week (Monday to Sunday, UTC) and handed over, and what became of it, counted
 * once per message: delivered is handed over and not bounced; a click counts as an open too (images may be blocked).
 */
public record MailWeek(LocalDate weekStart, int sent, int bounced, int opened, int clicked, int complained,
        int suppressed, boolean cleaning) {

    public int delivered() {
        return sent - bounced;
    }

    public static double rate(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
