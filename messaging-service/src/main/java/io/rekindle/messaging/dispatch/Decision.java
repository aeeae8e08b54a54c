package io.rekindle.messaging.dispatch;

import java.time.Instant;

/** What the safety net decides for a message about to go. */
public sealed interface Decision {

    record Send() implements Decision {
    }

    /** Never sent: suppressed address, no consent, unmailable address, or dropped by the cap. */
    record Suppress(String reason) implements Decision {
    }

    /** Sent later: quiet hours or the frequency cap. */
    record Defer(Instant until, String reason) implements Decision {
    }
}
