package io.rekindle.messaging.channel;

/** One way out: hands a message to its provider and answers the provider's id for it. */
public interface ProviderChannel {

    String send(Outgoing message) throws ProviderException;
}
