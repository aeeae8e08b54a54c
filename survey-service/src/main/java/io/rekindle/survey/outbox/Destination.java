package io.rekindle.survey.outbox;

import io.rekindle.platform.outbox.OutboxDestination;

/** Where outbox rows go: a peer service (named REST client URL) and the batch endpoint of its OpenAPI contract. */
public enum Destination implements OutboxDestination {
    /** segment-service POST /v1/events/batch: the answer as a survey_answered event. */
    SEGMENT_EVENTS("segment", "/v1/events/batch"),
    /** scenario-service POST /v1/signals: the answer as a branch signal. */
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
