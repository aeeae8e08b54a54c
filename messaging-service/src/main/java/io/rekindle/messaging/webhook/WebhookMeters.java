package io.rekindle.messaging.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Provider webhooks in {@code rekindle.webhook.events} by provider and result: events {@code accepted} (new, stored),
 * {@code duplicate} (seen before, ignored) and requests {@code rejected} for a missing, wrong or stale signature (one
 * per request: what an unauthenticated body holds is never read). Registered at zero for every provider, so a spike
 * of rejections is a rate over a series that exists.
 */
// Created at start, so every series exists (at zero) before anything happens.
@Startup
@ApplicationScoped
public class WebhookMeters {

    private static final List<String> PROVIDERS = List.of("sendgrid", "mailgun", "postmark", "twilio", "ses");
    private final MeterRegistry registry;

    WebhookMeters(MeterRegistry registry) {
        this.registry = registry;
        for (String provider : PROVIDERS) {
            for (String result : List.of("accepted", "duplicate", "rejected")) {
                counter(provider, result);
            }
        }
    }

    void stored(String provider, int received, int recorded) {
        counter(provider, "accepted").increment(recorded);
        counter(provider, "duplicate").increment(received - recorded);
    }

    void rejected(String provider) {
        counter(provider, "rejected").increment();
    }

    private Counter counter(String provider, String result) {
        return Counter.builder("rekindle.webhook.events").description("Provider webhook events by result")
                .tag("provider", provider).tag("result", result).register(registry);
    }
}
