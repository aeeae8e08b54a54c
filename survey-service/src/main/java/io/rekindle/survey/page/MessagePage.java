package io.rekindle.survey.page;

/** A page with a title and a sentence: thank you, expired, unknown link. */
public record MessagePage(String lang, String title, String body) {
}
