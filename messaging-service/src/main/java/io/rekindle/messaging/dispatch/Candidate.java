package io.rekindle.messaging.dispatch;

import java.util.List;
import java.util.Map;

import io.rekindle.messaging.message.QueuedMessage;
import io.rekindle.messaging.template.Template;

/** A claimed message with what sending it needs: its template, the profile (null: unknown customer), the address. */
record Candidate(QueuedMessage message, Template template, Profile profile, String recipient,
        List<Map<String, Object>> recommended) {
}
