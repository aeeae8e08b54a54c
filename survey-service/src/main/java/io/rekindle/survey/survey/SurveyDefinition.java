package io.rekindle.survey.survey;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** A survey as its author writes it: texts per locale, with {@code defaultLocale} as the fallback. */
public record SurveyDefinition(
        @NotBlank String defaultLocale,
        @NotEmpty Map<String, @Valid @NotNull SurveyTexts> texts,
        @NotEmpty List<@Valid @NotNull Question> questions) {
}
