package io.rekindle.messaging.dispatch;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a channel may reach a recipient, in the recipient's local time: a daily window such as 08:00-21:00 per
 * channel, optionally per country ("sms" and "sms.FR"). Outside it a message waits for the next opening.
 */
public final class QuietHours {

    record Window(LocalTime opens, LocalTime closes) {
        static Window parse(String key, String text) {
            String[] parts = text.split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("quiet hours " + key + ": expected HH:MM-HH:MM, got " + text);
            }
            return new Window(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }

        boolean contains(LocalTime t) {
            return opens.isBefore(closes) ? !t.isBefore(opens) && t.isBefore(closes)
                    : !t.isBefore(opens) || t.isBefore(closes);
        }
    }

    private final Map<String, Window> windows = new HashMap<>();

    /** Windows by "channel" or "channel.COUNTRY"; a channel without one may send at any hour. */
    public QuietHours(Map<String, String> windows) {
        windows.forEach((key, text) -> this.windows.put(key, Window.parse(key, text)));
    }

    /** The moment the message may go: now when the window is open, else the window's next opening. */
    public Instant nextAllowed(String channel, String country, ZoneId zone, Instant now) {
        Optional<Window> window = Optional.ofNullable(country == null ? null : windows.get(channel + "." + country))
                .or(() -> Optional.ofNullable(windows.get(channel)));
        if (window.isEmpty()) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        Window w = window.get();
        if (w.contains(local.toLocalTime())) {
            return now;
        }
        ZonedDateTime opening = local.with(w.opens()).withSecond(0).withNano(0);
        if (!opening.isAfter(local)) {
            opening = opening.plusDays(1);
        }
        return opening.toInstant();
    }
}
