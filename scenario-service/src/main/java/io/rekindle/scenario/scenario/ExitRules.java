package io.rekindle.scenario.scenario;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Checked before every step: a purchase (for keyed triggers: an order of that key) ends the enrollment as won back;
 * an unsubscribe or suppression ends it; an RFM percentile at or under {@code rfmBottomPercent} ends it (stop winning
 * back); {@code condition} is any segment-service rule.
 */
public record ExitRules(Boolean purchased, Boolean unsubscribed, @Min(0) @Max(100) Integer rfmBottomPercent,
        Map<String, Object> condition) {

    public static final ExitRules DEFAULT = new ExitRules(true, true, null, null);
}
