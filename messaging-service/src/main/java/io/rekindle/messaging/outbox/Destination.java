package io.rekindle.messaging.outbox;

import io.rekindle.platform.outbox.OutboxDestination;

/** Where outbox rows go: a peer service (named REST client URL) and the batch endpoint of its OpenAPI contract. */
public enum Destination implements OutboxDestination {
    /** segment-service POST /v1/events/batch: engagement as events (email_opened, sms_clicked...). */
    SEGMENT_EVENTS("segment", "/v1/events/batch"),
    /** scenario-service POST /v1/signals: engagement as branch signals (opened, clicked, unsubscribed...). */
    SCENARIO_SIGNALS("scenario", "/v1/signals");

    private final String service;
    private final String path;

    Destination(String service, String path) {
        this.service = service;
        this.path = path;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public String path() {
        return path;
    }
}
