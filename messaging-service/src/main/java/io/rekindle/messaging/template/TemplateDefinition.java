package io.rekindle.messaging.template;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

public record TemplateDefinition(
        @NotNull Channel channel,
        @NotEmpty Map<String, @Valid @NotNull LocalizedContent> locales) {
}
