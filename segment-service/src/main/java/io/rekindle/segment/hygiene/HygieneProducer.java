package io.rekindle.segment.hygiene;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class HygieneProducer {

    /** Loaded once at start-up: the shipped disposable-domain list is large. */
    @Produces
    @Singleton
    EmailHygiene emailHygiene() {
        return new EmailHygiene(DisposableDomains.load());
    }
}
