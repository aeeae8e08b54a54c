package io.rekindle.messaging.outbox;

/** Where outbox rows go: a peer service (named REST client URL) and the batch endpoint of its OpenAPI contract. */
public enum Destination {
    /** segment-service POST /v1/events/batch: engagement as events (email_opened, sms_clicked...). */
    SEGMENT_EVENTS("segment", "/v1/events/batch"),
    /** scenario-service POST /v1/signals: engagement as branch signals (opened, clicked, unsubscribed...). */
    SCENARIO_SIGNALS("scenario", "/v1/signals");

    final String service;
    final String path;

    Destination(String service, String path) {
        this.service = service;
        this.path = path;
    }
}
