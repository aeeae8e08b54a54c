package io.rekindle.platform.peers;

/** Another service could not answer now (down, overloaded, unreachable, its circuit open); try again later. */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String message) {
        super(message);
    }

    public PeerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
