package io.rekindle.messaging.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.messaging.config.MessagingConfig;

/**
 * Week by week, the marketing email this service handed over and what the recipients and their servers did. A message
 * counts in the week it was asked for, even when the frequency cap or quiet hours held it into the next: the week's
 * mail is what the week's journeys sent, whatever the hour the cap's rolling window let it go.
 */
@ApplicationScoped
public class MailHealth {

    private final DataSource dataSource;
    private final Clock clock;
    private final List<String> cleaningScenarios;

    MailHealth(DataSource dataSource, Clock clock, MessagingConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.cleaningScenarios = config.health().cleaningScenarios();
    }

    /** The latest {@code weeks} weeks, the current one last, every week present even when nothing was sent. */
    public List<MailWeek> weekly(int weeks) {
        LocalDate current = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = current.minusWeeks(weeks - 1L);
        List<MailWeek> series = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH weeks AS (
                    SELECT generate_series(?::date, ?::date, interval '1 week')::date AS week_start),
                mail AS (
                    SELECT (date_trunc('week', m.created_at AT TIME ZONE 'UTC'))::date AS week_start,
                        m.attribution->>'scenario' = ANY (?) AS cleaning,
                        coalesce(e.bounced, false) AS bounced, coalesce(e.opened, false) AS opened,
                        coalesce(e.clicked, false) AS clicked, coalesce(e.complained, false) AS complained
                    FROM message m
                    LEFT JOIN LATERAL (
                        SELECT bool_or(type = 'bounced') AS bounced, bool_or(type IN ('opened', 'clicked')) AS opened,
                            bool_or(type = 'clicked') AS clicked, bool_or(type = 'complained') AS complained
                        FROM engagement_event WHERE message_id = m.message_id) e ON true
                    WHERE m.channel = 'email' AND m.category = 'marketing' AND m.sent_at IS NOT NULL
                        AND m.created_at >= ?::date),
                suppressed AS (
                    SELECT (date_trunc('week', created_at AT TIME ZONE 'UTC'))::date AS week_start, count(*) AS n
                    FROM suppression WHERE created_at >= ?::date GROUP BY 1)
                SELECT w.week_start, count(mail.week_start) AS sent,
                    count(*) FILTER (WHERE mail.bounced) AS bounced,
                    count(*) FILTER (WHERE mail.opened AND NOT mail.bounced) AS opened,
                    count(*) FILTER (WHERE mail.clicked AND NOT mail.bounced) AS clicked,
                    count(*) FILTER (WHERE mail.complained) AS complained,
                    coalesce(max(s.n), 0) AS suppressed,
                    coalesce(bool_or(mail.cleaning), false) AS cleaning
                FROM weeks w
                LEFT JOIN mail ON mail.week_start = w.week_start
                LEFT JOIN suppressed s ON s.week_start = w.week_start
                GROUP BY w.week_start ORDER BY w.week_start""")) {
            ps.setObject(1, first);
            ps.setObject(2, current);
            ps.setArray(3, c.createArrayOf("text", cleaningScenarios.toArray()));
            ps.setObject(4, first);
            ps.setObject(5, first);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    series.add(new MailWeek(rs.getObject("week_start", LocalDate.class), rs.getInt("sent"),
                            rs.getInt("bounced"), rs.getInt("opened"), rs.getInt("clicked"), rs.getInt("complained"),
                            rs.getInt("suppressed"), rs.getBoolean("cleaning")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return series;
    }
}
