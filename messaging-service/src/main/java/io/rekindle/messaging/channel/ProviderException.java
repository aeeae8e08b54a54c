package io.rekindle.messaging.channel;

import java.util.concurrent.CompletionStage;

/**
 * A provider refused or failed a message: permanently (recorded as failed) or for now (retried with backoff). A
 * hand-off the provider did not answer in time may still be accepted later: {@link #lateAcceptance()} then completes
 * with the provider's id for the message.
 */
public class ProviderException extends Exception {

    private final boolean permanent;
    private final transient CompletionStage<String> lateAcceptance;

    public ProviderException(boolean permanent, String reason) {
        this(permanent, reason, null);
    }

    private ProviderException(boolean permanent, String reason, CompletionStage<String> lateAcceptance) {
        super(reason);
        this.permanent = permanent;
        this.lateAcceptance = lateAcceptance;
    }

    /** No answer in time: retried like a transient failure, unless the provider's acceptance comes in first. */
    public static ProviderException unanswered(String reason, CompletionStage<String> lateAcceptance) {
        return new ProviderException(false, reason, lateAcceptance);
    }

    public boolean permanent() {
        return permanent;
    }

    /** The provider's late answer to a hand-off that timed out; null for any other failure. */
    public CompletionStage<String> lateAcceptance() {
        return lateAcceptance;
    }
}
