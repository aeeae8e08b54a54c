package io.rekindle.messaging.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.platform.outbox.OutboxDestinations;

/** This service's outbox destinations, for the platform's relay. */
@ApplicationScoped
class Destinations implements OutboxDestinations {

    @Override
    public List<Destination> all() {
        return List.of(Destination.values());
    }
}
