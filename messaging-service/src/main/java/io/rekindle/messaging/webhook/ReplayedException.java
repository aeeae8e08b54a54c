package io.rekindle.messaging.webhook;

/** A webhook nonce seen before: the request is a replay. */
public class ReplayedException extends RuntimeException {

    public ReplayedException() {
        super("replayed webhook");
    }
}
