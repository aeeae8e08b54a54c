package io.rekindle.messaging.template;

import java.time.Instant;
import java.util.Map;

public record TemplateView(String id, Channel channel, Map<String, LocalizedContent> locales, int version,
        Instant updatedAt) {

    static TemplateView of(Template t) {
        return new TemplateView(t.templateId, t.channel, t.locales, t.version, t.updatedAt);
    }
}
