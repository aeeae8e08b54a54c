package io.rekindle.survey.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum QuestionKind {
    @JsonProperty("single_choice")
    SINGLE_CHOICE,
    @JsonProperty("multiple_choice")
    MULTIPLE_CHOICE,
    @JsonProperty("rating")
    RATING,
    @JsonProperty("free_text")
    FREE_TEXT
}
