package io.rekindle.survey.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum QuestionKind {
    @JsonProperty("single_choice")
    SINGLE_CHOICE,
    @JsonProperty("multiple_choice")
    MULTIPLE_CHOICE,
    /** 0 to 10, read as Net Promoter Score. */
    @JsonProperty("rating")
    RATING,
    @JsonProperty("free_text")
    FREE_TEXT;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
