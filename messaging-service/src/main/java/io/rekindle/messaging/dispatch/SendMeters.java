package io.rekindle.messaging.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Timer;
import io.rekindle.messaging.message.MessageState;
import io.rekindle.messaging.message.MessageStore.Transition;
import io.rekindle.messaging.template.Channel;

/**
 * What the dispatcher publishes, counted once its transaction has committed: every message it settles in
 * {@code rekindle.messages} by channel and outcome (sent, failed, retried, suppressed, deferred, refused_repeat: the
 * repeat guard's refusals, kept apart from the other suppressions so a spike of them alerts), and every hand-off
 * to a provider in {@code rekindle.provider.handoff} by channel and result (accepted, refused, failed), a histogram.
 */
// Created at start, so every series exists (at zero) before anything happens.
@Startup
@ApplicationScoped
class SendMeters {

    static final List<String> OUTCOMES = List.of("sent", "failed", "retried", "suppressed",
            "deferred", "refused_repeat");
    private final MeterRegistry registry;

    SendMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            OUTCOMES.forEach(outcome -> counter(channel, outcome));
        }
    }

    void sent(Channel channel, int count) {
        counter(channel, "sent").increment(count);
    }

    void retried(Channel channel) {
        counter(channel, "retried").increment();
    }

    /** Messages moved on without a hand-off, or after one that failed, by the state each went to. */
    void settled(Collection<Transition> transitions, Map<String, Channel> channels) {
        for (Transition t : transitions) {
            String outcome = t.state() == MessageState.SUPPRESSED && t.detail() != null
                    && t.detail().startsWith(SendPolicy.REPEAT) ? "refused_repeat" : outcome(t.state());
            if (outcome != null) {
                counter(channels.get(t.messageId()), outcome).increment();
            }
        }
    }

    Timer.Sample startHandoff() {
        return Timer.start(registry);
    }

    void handedOff(Timer.Sample sample, Channel channel, String result) {
        sample.stop(Timer.builder("rekindle.provider.handoff").description("Hand-offs of messages to their providers")
                .tag("channel", channel.name().toLowerCase()).tag("result", result)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry));
    }

    private static String outcome(MessageState state) {
        return switch (state) {
            case SENT -> "sent";
            case FAILED -> "failed";
            case QUEUED -> "retried";
            case SUPPRESSED -> "suppressed";
            case DEFERRED -> "deferred";
            default -> null;
        };
    }

    private Counter counter(Channel channel, String outcome) {
        return Counter.builder("rekindle.messages").description("Messages the dispatcher settled, by outcome")
                .tag("channel", channel.name().toLowerCase()).tag("outcome", outcome).register(registry);
    }
}
