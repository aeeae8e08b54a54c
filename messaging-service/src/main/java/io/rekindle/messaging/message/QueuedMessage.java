package io.rekindle.messaging.message;

import java.time.Instant;
import java.util.Map;

import io.rekindle.messaging.template.Channel;

/** A message a worker has claimed, with what it needs to send it and the trace of the request that queued it. */
public record QueuedMessage(String id, Channel channel, String customerId, String recipient, String templateId,
        String locale, Map<String, Object> variables, Category category, WhenCapped whenCapped, MessageState state,
        int attempts, Instant leasedUntil, String traceparent, boolean repeatIntended, String offerId,
        boolean offerSiteOnly) {
}
