package io.rekindle.messaging.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import io.rekindle.messaging.message.Category;
import io.rekindle.messaging.message.WhenCapped;
import io.rekindle.messaging.template.Channel;

/**
 * The safety net every message passes just before it goes, whatever the caller checked: suppression, the repeat
 * guard, consent for marketing, a mailable address, quiet hours in the recipient's time zone, and the frequency cap
 * across scenarios.
 */
public final class SendPolicy {

    private static final Set<String> UNMAILABLE = Set.of("invalid", "disposable", "missing");

    /** How the detail of a message the repeat guard refused begins. */
    public static final String REPEAT = "repeat: ";

    /**
     * The facts about one message and its recipient at the moment of sending; {@code recentSendsOfTemplate} counts
     * this template's hand-offs to the customer within the repeat window.
     */
    public record Facts(Channel channel, Category category, WhenCapped whenCapped, boolean consent,
            String suppressedBecause, String hygieneStatus, Instant lastMarketingSend, ZoneId zone, String country,
            int recentSendsOfTemplate, boolean repeatIntended) {
    }

    /** At most {@code limit} sends of a template to a customer within {@code window}; 0: no limit. */
    public record RepeatGuard(int limit, Duration window) {
    }

    private final QuietHours quietHours;
    private final Duration capWindow;
    private final Map<String, Duration> capWindowByChannel;
    private final RepeatGuard repeats;

    public SendPolicy(QuietHours quietHours, Duration capWindow, Map<String, Duration> capWindowByChannel,
            RepeatGuard repeats) {
        this.repeats = repeats;
        this.quietHours = quietHours;
        this.capWindow = capWindow;
        this.capWindowByChannel = Map.copyOf(capWindowByChannel);
    }

    /** How far back the repeat guard counts a template's sends. */
    public Duration repeatWindow() {
        return repeats.window();
    }

    public Decision decide(Facts f, Instant now) {
        if (f.suppressedBecause() != null) {
            return new Decision.Suppress("suppressed: " + f.suppressedBecause());
        }
        if (repeats.limit() > 0 && !f.repeatIntended() && f.recentSendsOfTemplate() >= repeats.limit()) {
            return new Decision.Suppress(REPEAT + "this template went to the customer " + f.recentSendsOfTemplate()
                    + " times within " + repeats.window() + " and the request did not say repeatIntended");
        }
        boolean marketing = f.category() == Category.MARKETING;
        String channel = f.channel().name().toLowerCase();
        if (marketing && !f.consent()) {
            return new Decision.Suppress("no " + channel + " consent for marketing");
        }
        if (f.channel() == Channel.EMAIL && f.hygieneStatus() != null && UNMAILABLE.contains(f.hygieneStatus())) {
            return new Decision.Suppress("address is " + f.hygieneStatus());
        }
        Instant allowed = quietHours.nextAllowed(channel, f.country(), f.zone(), now);
        if (allowed.isAfter(now)) {
            return new Decision.Defer(allowed, "quiet hours");
        }
        if (marketing && f.lastMarketingSend() != null) {
            Instant capEnds = f.lastMarketingSend().plus(capWindowByChannel.getOrDefault(channel, capWindow));
            if (capEnds.isAfter(now)) {
                return f.whenCapped() == WhenCapped.DROP ? new Decision.Suppress("dropped: frequency cap")
                        : new Decision.Defer(capEnds, "frequency cap");
            }
        }
        return new Decision.Send();
    }
}
