package io.rekindle.scenario.peers;

/** Another service could not answer now (down, overloaded, unreachable); the work is retried later. */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String message) {
        super(message);
    }
}
