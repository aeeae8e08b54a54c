package io.rekindle.segment.outbox;

import io.rekindle.platform.outbox.OutboxDestination;

/** Where outbox rows go: a peer service (named REST client URL) and the batch endpoint of its OpenAPI contract. */
public enum Destination implements OutboxDestination {
    /** messaging-service POST /v1/erasures: forget these customers. */
    MESSAGING_ERASURES("messaging", "/v1/erasures"),
    /** scenario-service POST /v1/erasures. */
    SCENARIO_ERASURES("scenario", "/v1/erasures"),
    /** survey-service POST /v1/erasures. */
    SURVEY_ERASURES("survey", "/v1/erasures"),
    /** messaging-service POST /v1/redemptions: orders that carried a discount code (the offers' figures). */
    MESSAGING_REDEMPTIONS("messaging", "/v1/redemptions"),
    /** scenario-service POST /v1/signals: fresh orders (the purchase exit, a cart ordered). */
    SCENARIO_SIGNALS("scenario", "/v1/signals");

    /** Where an erasure must go: every service that holds something about a customer. */
    public static final java.util.Set<Destination> ERASURES = java.util.EnumSet.of(MESSAGING_ERASURES,
            SCENARIO_ERASURES, SURVEY_ERASURES);

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
