package io.rekindle.messaging.template;

import jakarta.validation.constraints.Size;

/** One locale's content: email uses subject, html and text; SMS uses text; push uses title, body and link. */
public record LocalizedContent(
        @Size(max = 998) String subject,
        @Size(max = 500_000) String html,
        @Size(max = 100_000) String text,
        @Size(max = 200) String title,
        @Size(max = 4_000) String body,
        @Size(max = 2_000) String link) {
}
