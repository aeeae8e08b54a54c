package io.rekindle.messaging.channel;

/** A provider refused or failed a message: permanently (recorded as failed) or for now (retried with backoff). */
public class ProviderException extends Exception {

    private final boolean permanent;

    public ProviderException(boolean permanent, String reason) {
        super(reason);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
