package io.rekindle.messaging.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading providers' JSON payloads, where any field may be missing or null. */
final class ProviderJson {

    private ProviderJson() {
    }

    /** The field's scalar value as text, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
