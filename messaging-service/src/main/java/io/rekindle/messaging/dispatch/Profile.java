package io.rekindle.messaging.dispatch;

import java.time.ZoneId;
import java.util.Map;

/** What sending needs from the customer's profile in segment-service. */
public record Profile(String customerId, String email, String phone, String pushToken, String locale, String timezone,
        String country, boolean consentEmail, boolean consentSms, boolean consentPush, String hygieneStatus,
        Map<String, Object> templateView) {

    public ZoneId zone() {
        try {
            return timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
