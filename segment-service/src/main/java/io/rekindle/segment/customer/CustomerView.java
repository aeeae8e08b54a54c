package io.rekindle.segment.customer;

import java.time.Instant;
import java.util.Map;

import io.rekindle.segment.hygiene.Hygiene;
import io.rekindle.segment.hygiene.HygieneStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.rekindle.segment.metrics.CustomerMetrics;
import io.rekindle.segment.metrics.RecentSpend;

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
        CustomerMetrics metrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) RecentSpend recentSpend) {

    static CustomerView of(Customer c, CustomerMetrics metrics) {
        return of(c, metrics, null);
    }

    static CustomerView of(Customer c, CustomerMetrics metrics, RecentSpend recentSpend) {
        return new CustomerView(c.customerId, c.email, c.phone, c.pushToken, c.firstName, c.lastName, c.locale,
                c.timezone, c.country, c.createdAt,
                new Consents(new Consent(c.consentEmail, c.consentEmailAt), new Consent(c.consentSms, c.consentSmsAt),
                        new Consent(c.consentPush, c.consentPushAt)),
                c.attributes, c.updatedAt,
                new Hygiene(HygieneStatus.valueOf(c.hygieneStatus.toUpperCase()), c.hygieneSuggestion), c.previouslyErased,
                metrics, recentSpend);
    }
}
