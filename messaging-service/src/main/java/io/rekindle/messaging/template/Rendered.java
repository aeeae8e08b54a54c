package io.rekindle.messaging.template;

/** A template rendered for one recipient: the parts its channel uses, the others null. */
public record Rendered(String subject, String html, String text, String title, String body, String link,
        Integer smsSegments) {
}
