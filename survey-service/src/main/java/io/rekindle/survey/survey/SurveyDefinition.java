package io.rekindle.survey.survey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A survey as its author writes it: texts per locale, with {@code defaultLocale} as the fallback. */
public record SurveyDefinition(
        @NotBlank String defaultLocale,
        @NotEmpty Map<String, @Valid @NotNull SurveyTexts> texts,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Question> questions) {

    /** The survey's locale closest to {@code wanted} ("fr-CA" falls back to "fr"), else the default one. */
    public String localeFor(String wanted) {
        if (wanted != null) {
            String tag = wanted.replace('_', '-');
            if (texts.containsKey(tag)) {
                return tag;
            }
            String language = Locale.forLanguageTag(tag).getLanguage();
            if (texts.containsKey(language)) {
                return language;
            }
        }
        return defaultLocale;
    }

    public SurveyTexts textsIn(String locale) {
        return texts.getOrDefault(locale, texts.get(defaultLocale));
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
