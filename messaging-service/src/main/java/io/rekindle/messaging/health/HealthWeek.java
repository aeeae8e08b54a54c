package io.rekindle.messaging.health;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One week of the base's health: its marketing email's fate and, when segment-service recorded it, the base. */
public record HealthWeek(
        @Schema(description = "The Monday the week starts on (UTC)") LocalDate weekStart,
        @Schema(description = "Marketing emails handed over") int sent,
        @Schema(description = "Of them, not bounced") int delivered,
        @Schema(description = "Unique opens (a click counts) over delivered") double openRate,
        @Schema(description = "Unique clicks over delivered") double clickRate,
        @Schema(description = "Bounces over sent") double bounceRate,
        @Schema(description = "Complaints over delivered") double complaintRate,
        @Schema(description = "Addresses suppressed that week, for any reason") int suppressed,
        @Schema(description = "A base-cleaning scenario's mail went out that week") boolean cleaning,
        @Schema(description = "The base at segment-service's last record of the week; absent without one")
        BaseFigures base) {

    static HealthWeek of(MailWeek mail, BaseFigures base) {
        int delivered = mail.delivered();
        return new HealthWeek(mail.weekStart(), mail.sent(), delivered, MailWeek.rate(mail.opened(), delivered),
                MailWeek.rate(mail.clicked(), delivered), MailWeek.rate(mail.bounced(), mail.sent()),
                MailWeek.rate(mail.complained(), delivered), mail.suppressed(), mail.cleaning(), base);
    }
}
