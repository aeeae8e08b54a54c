package io.rekindle.messaging.message;

import java.time.Instant;

public record StateChange(String state, Instant at, String detail) {
}
