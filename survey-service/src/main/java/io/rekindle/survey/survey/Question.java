package io.rekindle.survey.survey;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record Question(
        @NotNull @Pattern(regexp = "[a-z0-9_]{1,64}") String id,
        @NotNull QuestionKind kind,
        boolean required,
        List<@Pattern(regexp = "[a-z0-9_]{1,64}") String> options,
        @NotEmpty Map<String, @Valid @NotNull QuestionTexts> texts) {
}
