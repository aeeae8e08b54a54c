package io.rekindle.segment.customer;

import java.time.Instant;
import java.util.Map;

import io.rekindle.segment.hygiene.Hygiene;
import io.rekindle.segment.hygiene.HygieneStatus;
import io.rekindle.segment.metrics.CustomerMetrics;

public record CustomerView(
        String customerId,
        String email,
        String phone,
        String pushToken,
        String firstName,
        String lastName,
        String locale,
        String timezone,
        String country,
        Instant createdAt,
        Consents consents,
        Map<String, Object> attributes,
        Instant updatedAt,
        Hygiene hygiene,
        boolean previouslyErased,
        CustomerMetrics metrics) {

    static CustomerView of(Customer c, CustomerMetrics metrics) {
        return new CustomerView(c.customerId, c.email, c.phone, c.pushToken, c.firstName, c.lastName, c.locale,
                c.timezone, c.country, c.createdAt,
                new Consents(new Consent(c.consentEmail, c.consentEmailAt), new Consent(c.consentSms, c.consentSmsAt),
                        new Consent(c.consentPush, c.consentPushAt)),
                c.attributes, c.updatedAt,
                new Hygiene(HygieneStatus.valueOf(c.hygieneStatus.toUpperCase()), c.hygieneSuggestion), c.previouslyErased,
                metrics);
    }
}
