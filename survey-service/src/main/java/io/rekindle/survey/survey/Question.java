package io.rekindle.survey.survey;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record Question(
        @NotNull @Pattern(regexp = "[a-z0-9_]{1,64}") String id,
        @NotNull QuestionKind kind,
        boolean required,
        @Size(max = 30) List<@Pattern(regexp = "[a-z0-9_]{1,64}") String> options,
        @NotEmpty Map<String, @Valid @NotNull QuestionTexts> texts) {

    public List<String> optionIds() {
        return options == null ? List.of() : options;
    }

    public String label(String locale, String fallback) {
        return texts.getOrDefault(locale, texts.get(fallback)).label();
    }

    public String optionLabel(String option, String locale, String fallback) {
        QuestionTexts in = texts.get(locale);
        if (in != null && in.options() != null && in.options().get(option) != null) {
            return in.options().get(option);
        }
        return texts.get(fallback).options().get(option);
    }
}
