package io.rekindle.messaging.dispatch;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.WithDefault;

/** The send-time rules ({@code rekindle.sending.*}), a part of {@code MessagingConfig}. */
public interface SendingRules {

    /** Marketing messages per customer: at most one per this window, across all scenarios and channels. */
    Duration capWindow();

    /** A channel's own window, replacing cap-window for messages on it (sms, push, email). */
    Map<String, Duration> capWindowByChannel();

    /**
     * Sends of one template to one customer within repeat-window after which the next is refused, unless its request
     * says the repeat is intended (the "oops" guard against the same mail going out again and again); 0 turns it off.
     */
    @WithDefault("2")
    int repeatLimit();

    @WithDefault("PT24H")
    Duration repeatWindow();

    /** Allowed local sending hours per channel or channel.COUNTRY, as HH:MM-HH:MM. */
    Map<String, String> quietHours();

    /** How long a claimed message is a worker's before another replica may take it over. */
    Duration lease();

    Duration retryBase();

    Duration retryMax();

    /** The pause between queue polls ("off" in tests, which drain the queue themselves). */
    String dispatchEvery();

    /** Messages one draining thread claims at once. */
    @WithDefault("100")
    int dispatchBatch();

    /** Draining threads per replica. */
    int dispatchThreads();

    /** Sends in flight at once per replica (threads handing messages to providers, shared by the draining threads). */
    int sendThreads();

    /** Attempts before a transient provider failure becomes final. */
    int maxAttempts();
}
