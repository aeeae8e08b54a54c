package io.rekindle.platform.outbox;

/**
 * Where outbox rows go: a peer service (its named REST client, {@code quarkus.rest-client.<service>.url}) and the
 * batch endpoint of that peer's OpenAPI contract. Each service lists its own as an enum.
 */
public interface OutboxDestination {

    /** The name rows are stored under. */
    String name();

    String service();

    String path();
}
