package io.rekindle.platform.peers;

/** Another service answered a 4xx: this request is wrong (or names what is not there), asking again will not help. */
public class PeerRefusedException extends RuntimeException {

    private final int status;

    public PeerRefusedException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
