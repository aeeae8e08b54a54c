package io.rekindle.messaging.message;

import java.util.Map;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Which scenario, step and variant a message belongs to, for reporting. */
public record Attribution(@Size(max = 200) String scenario, @Size(max = 200) String step,
        @Size(max = 100) String variant) {

    /** A message row's stored attribution (JSON) as it goes to scenario-service in a signal; empty when unreadable. */
    public static Map<?, ?> forSignal(ObjectMapper json, String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
