package io.rekindle.segment.customer;

public record Consents(Consent email, Consent sms, Consent push) {
}
