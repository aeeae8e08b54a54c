package io.rekindle.messaging.message;

/** The Idempotency-Key was used before for a different request. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("The Idempotency-Key '" + key + "' was already used for a different request.");
    }
}
