package io.rekindle.messaging.message;

import java.time.Instant;

public record StateChange(MessageState state, Instant at, String detail) {
}
