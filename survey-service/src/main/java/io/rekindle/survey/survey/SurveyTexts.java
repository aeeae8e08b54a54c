package io.rekindle.survey.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The survey's texts in one locale. */
public record SurveyTexts(@NotBlank @Size(max = 200) String title, @Size(max = 2_000) String intro,
        @Size(max = 2_000) String thankYou) {
}
