package io.rekindle.segment.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.rekindle.segment.customer.CustomerView;

/** GDPR Art. 20: everything held about one customer, in one JSON document. */
public record CustomerExport(Instant exportedAt, CustomerView profile, List<Map<String, Object>> orders,
        List<Map<String, Object>> events) {
}
