package io.rekindle.survey.survey;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question's label and its option labels (by option id) in one locale. */
public record QuestionTexts(@NotBlank @Size(max = 500) String label, Map<String, @Size(max = 200) String> options) {
}
