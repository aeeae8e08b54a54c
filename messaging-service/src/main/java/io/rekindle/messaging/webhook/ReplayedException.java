package io.rekindle.messaging.webhook;

/** A webhook nonce seen before: the request is a replay. */
public class ReplayedException extends RuntimeException {

    private final String provider;

    public ReplayedException(String provider) {
        super("replayed webhook");
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
